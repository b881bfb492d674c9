package app.avatarcall.voice.openai;

import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The OpenAI-compatible transcription server. The key comes from the environment and has no default.
 *
 * @param baseUrl     the API up to and including its version ({@code STT_BASE_URL}): {@code https://api.openai.com/v1},
 *                    {@code http://localhost:8000/v1} for a faster-whisper server; unset, no server transcribes
 * @param apiKey      sent as a Bearer token when set ({@code STT_API_KEY}); local servers usually need none
 * @param model       the model ({@code STT_MODEL}): {@code whisper-1}, {@code gpt-4o-mini-transcribe},
 *                    {@code Systran/faster-whisper-small}, …
 * @param timeout     how long one transcription may take
 */
@ConfigurationProperties("stt")
record SttProperties(@Nullable URI baseUrl,
                     @Nullable String apiKey,
                     @DefaultValue("whisper-1") String model,
                     @DefaultValue("30s") Duration timeout) {
}
