package app.avatarcall.voice.openai.fake;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the fake transcription endpoint behaves.
 *
 * @param apiKey            the Bearer key it accepts
 * @param models            the models it knows
 * @param maxFileSize       bigger files get 413 (OpenAI: 25 MB)
 * @param requestsPerMinute more get 429 (0: no limit)
 * @param known             SHA-256 (hex) of a WAV file → what it says
 * @param heard             what any other audio with sound in it says (it cannot understand speech)
 */
@ConfigurationProperties("fake-stt")
record FakeSttProperties(
        @DefaultValue("fake-stt-key") String apiKey,
        @DefaultValue({"whisper-1", "gpt-4o-transcribe", "gpt-4o-mini-transcribe"}) List<String> models,
        @DefaultValue("25MB") DataSize maxFileSize,
        @DefaultValue("0") int requestsPerMinute,
        @DefaultValue Map<String, String> known,
        @DefaultValue("") String heard) {
}
