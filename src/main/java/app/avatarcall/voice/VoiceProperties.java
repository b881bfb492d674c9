package app.avatarcall.voice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The limits every utterance keeps, whoever transcribes it.
 *
 * @param maxUtterance the longest utterance taken ({@code VOICE_MAX_UTTERANCE}); the page stops recording there too
 * @param maxUpload    the biggest WAV upload taken ({@code VOICE_MAX_UPLOAD}); 30 s of 16 kHz mono is about 1 MB
 */
@ConfigurationProperties("voice")
public record VoiceProperties(@DefaultValue("30s") Duration maxUtterance,
                              @DefaultValue("2MB") DataSize maxUpload) {
}
