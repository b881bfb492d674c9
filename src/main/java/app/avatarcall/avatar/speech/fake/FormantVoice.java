package app.avatarcall.avatar.speech.fake;

import java.util.Locale;

/**
 * A voice that says nothing but sounds like speech: vowels are a glottal buzz through two formant resonators (so
 * {@code а}, {@code и} and {@code у} differ), consonants short noise bursts, spaces and punctuation pauses. About
 * 70 ms a character at speed 1, so the audio is as long as the text would take to say. PCM16 LE, 24 kHz, mono.
 */
final class FormantVoice {

    static final int RATE = 24_000;

    private final double speed;
    private long noise;
    /** Where in the glottal cycle the buzz is, kept across vowels so that pitch never jumps. */
    private double phase;

    /** @param seed makes the consonants' noise the same for the same text */
    FormantVoice(double speed, long seed) {
        this.speed = speed;
        this.noise = seed | 1;
    }

    /** The audio of one word (with the space or punctuation after it). */
    byte[] say(String word, double progress) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        word.toLowerCase(Locale.ROOT).codePoints().forEach(c -> {
            short[] samples = sound(c, progress);
            for (short s : samples) {
                out.write(s & 0xff);
                out.write((s >> 8) & 0xff);
            }
        });
        return out.toByteArray();
    }

    private short[] sound(int c, double progress) {
        double[] formants = vowel(c);
        if (formants != null) {
            // Pitch falls a little across the text, as statements do.
            return voiced(millis(90), 150 - 30 * progress, formants[0], formants[1]);
        }
        if (Character.isLetterOrDigit(c)) {
            return burst(millis(55));
        }
        return switch (c) {
            case ' ' -> silence(millis(40));
            case ',', ';', ':', '—', '–' -> silence(millis(180));
            case '.', '!', '?', '…', '\n' -> silence(millis(320));
            default -> new short[0];
        };
    }

    private static double @org.jspecify.annotations.Nullable [] vowel(int c) {
        return switch (c) {
            case 'a', 'а', 'я' -> new double[] {730, 1090};
            case 'e', 'е', 'э', 'ё' -> new double[] {530, 1840};
            case 'i', 'и' -> new double[] {270, 2290};
            case 'o', 'о' -> new double[] {570, 840};
            case 'u', 'у', 'ю' -> new double[] {300, 870};
            case 'y', 'ы' -> new double[] {440, 1500};
            default -> null;
        };
    }

    private int millis(int ms) {
        return (int) (RATE * ms / 1000 / speed);
    }

    private short[] voiced(int length, double pitch, double f1, double f2) {
        double[] source = new double[length];
        for (int i = 0; i < length; i++) {
            phase += pitch / RATE;
            phase -= Math.floor(phase);
            source[i] = 1 - 2 * phase; // a falling sawtooth: rich in harmonics, like a glottal pulse train
        }
        double[] shaped = resonate(resonate(source, f1, 90), f2, 120);
        return normalised(shaped, 0.35);
    }

    private short[] burst(int length) {
        double[] source = new double[length];
        double previous = 0;
        for (int i = 0; i < length; i++) {
            noise ^= noise << 13;
            noise ^= noise >>> 7;
            noise ^= noise << 17;
            double white = (noise >>> 11) * 0x1.0p-53 * 2 - 1;
            source[i] = white - previous; // first difference: hiss, as in s, t, k
            previous = white;
        }
        return normalised(source, 0.1);
    }

    private static short[] silence(int length) {
        return new short[length];
    }

    /** A two-pole resonator at {@code frequency} with {@code bandwidth}. */
    private static double[] resonate(double[] in, double frequency, double bandwidth) {
        double r = Math.exp(-Math.PI * bandwidth / RATE);
        double b1 = 2 * r * Math.cos(2 * Math.PI * frequency / RATE);
        double b2 = -r * r;
        double[] out = new double[in.length];
        double y1 = 0;
        double y2 = 0;
        for (int i = 0; i < in.length; i++) {
            double y = (1 - r) * in[i] + b1 * y1 + b2 * y2;
            out[i] = y;
            y2 = y1;
            y1 = y;
        }
        return out;
    }

    /** Scales to {@code peak} of full scale with 10 ms fades, so that sounds join without clicks. */
    private static short[] normalised(double[] signal, double peak) {
        double max = 1e-9;
        for (double s : signal) {
            max = Math.max(max, Math.abs(s));
        }
        int fade = Math.min(RATE / 100, signal.length / 2);
        short[] out = new short[signal.length];
        for (int i = 0; i < signal.length; i++) {
            double envelope = Math.min(1, Math.min(i, signal.length - 1 - i) / (double) Math.max(1, fade));
            out[i] = (short) Math.round(signal[i] / max * peak * envelope * Short.MAX_VALUE);
        }
        return out;
    }
}
