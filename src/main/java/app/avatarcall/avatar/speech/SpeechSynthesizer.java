package app.avatarcall.avatar.speech;

import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.AvatarUnavailableException;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Turns text into speech: raw PCM, signed 16-bit little-endian, 24 kHz, mono, streamed as it is made. */
public interface SpeechSynthesizer {

    int SAMPLE_RATE = 24_000;
    /** Two bytes a sample, one channel. */
    int BYTES_PER_SECOND = SAMPLE_RATE * 2;

    /**
     * Starts saying {@code text}; its audio can be read while the rest is still being made.
     *
     * @param voice the synthesizer's own voice name, or null for the one configured for {@code language}
     * @throws AvatarUnavailableException when the synthesizer refuses or cannot be reached
     */
    SpeechAudio synthesize(String text, Locale language, @Nullable String voice);

    /**
     * Like {@link #synthesize(String, Locale, String)}, in a tone that fits {@code tone} where the synthesizer can
     * be told one; others say it in their usual voice.
     */
    default SpeechAudio synthesize(String text, Locale language, @Nullable String voice, Emotion tone) {
        return synthesize(text, language, voice);
    }

    /** How long {@code bytes} of this audio play. */
    static Duration duration(long bytes) {
        return Duration.ofMillis(bytes * 1000 / BYTES_PER_SECOND);
    }

    /** How many bytes of this audio play for {@code duration} (a whole number of samples). */
    static int bytes(Duration duration) {
        return (int) (duration.toMillis() * BYTES_PER_SECOND / 1000) & ~1;
    }
}
