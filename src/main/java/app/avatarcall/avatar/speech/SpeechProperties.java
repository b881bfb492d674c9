package app.avatarcall.avatar.speech;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The speech synthesizer: any server that answers OpenAI's {@code POST /audio/speech}.
 *
 * @param baseUrl        the API up to and including {@code /v1} ({@code TTS_BASE_URL}): OpenAI, or a local server
 *                       such as Kokoro-FastAPI ({@code http://localhost:8880/v1})
 * @param apiKey         sent as a bearer token when set ({@code TTS_API_KEY}); local servers often need none
 * @param model          {@code TTS_MODEL}: {@code gpt-4o-mini-tts}, {@code tts-1}, or what the local server names
 * @param voice          {@code TTS_VOICE}, for any language without its own voice
 * @param voices         a voice per language ({@code TTS_VOICES_RU=…}), for servers whose voices speak one language
 * @param speed          0.25 to 4
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the first audio, or for more of it
 */
@Validated
@ConfigurationProperties("tts")
public record SpeechProperties(
        @NotNull @DefaultValue("https://api.openai.com/v1") URI baseUrl,
        @Nullable String apiKey,
        @NotBlank @DefaultValue("gpt-4o-mini-tts") String model,
        @NotBlank @DefaultValue("alloy") String voice,
        @DefaultValue Map<String, String> voices,
        @DecimalMin("0.25") @DecimalMax("4.0") @DefaultValue("1.0") double speed,
        @NotNull @DefaultValue("10s") Duration connectTimeout,
        @NotNull @DefaultValue("30s") Duration readTimeout) {

    public SpeechProperties {
        voices = Map.copyOf(voices);
    }

    /** The voice to use for a language ({@code ru}, {@code en}). */
    String voiceFor(String language) {
        return voices.getOrDefault(language, voice);
    }
}
