package app.avatarcall.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What a WAV file's header says about the sound in it: enough to check an upload's format and length before any
 * service hears it. Reads only the RIFF structure; PCM (8, 16, 24, 32 bit) and 32-bit float are taken.
 */
public record WavAudio(int sampleRate, int channels, int bitsPerSample, boolean floatingPoint, int dataOffset,
                       int dataBytes) {

    private static final int PCM = 1;
    private static final int IEEE_FLOAT = 3;
    private static final int EXTENSIBLE = 0xFFFE;

    /** Reads the header of {@code wav}; throws {@link IllegalArgumentException} saying what is wrong with it. */
    public static WavAudio read(byte[] wav) {
        ByteBuffer in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || !tag(wav, 0).equals("RIFF") || !tag(wav, 8).equals("WAVE")) {
            throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
        }
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        int at = 12;
        while (at + 8 <= wav.length) {
            String id = tag(wav, at);
            long size = Integer.toUnsignedLong(in.getInt(at + 4));
            int body = at + 8;
            if (id.equals("fmt ") && size >= 16 && body + 16 <= wav.length) {
                format = Short.toUnsignedInt(in.getShort(body));
                channels = Short.toUnsignedInt(in.getShort(body + 2));
                rate = in.getInt(body + 4);
                bits = Short.toUnsignedInt(in.getShort(body + 14));
                if (format == EXTENSIBLE && size >= 26 && body + 26 <= wav.length) {
                    format = Short.toUnsignedInt(in.getShort(body + 24)); // the sub-format GUID starts with the tag
                }
            } else if (id.equals("data")) {
                if (format < 0) {
                    throw new IllegalArgumentException("WAV data comes before its format");
                }
                // A recorder that streamed its file may not know the size: take what is there.
                int bytes = (int) Math.min(size, wav.length - body);
                return checked(new WavAudio(rate, channels, bits, format == IEEE_FLOAT, body, bytes), format);
            }
            at = (int) Math.min(wav.length, body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new IllegalArgumentException("WAV file without a data chunk");
    }

    private static WavAudio checked(WavAudio audio, int format) {
        if (format != PCM && format != IEEE_FLOAT) {
            throw new IllegalArgumentException("WAV encoding " + format + " is not PCM");
        }
        if (audio.channels < 1 || audio.channels > 8 || audio.sampleRate < 4000 || audio.sampleRate > 192_000
                || (audio.bitsPerSample != 8 && audio.bitsPerSample != 16 && audio.bitsPerSample != 24
                && audio.bitsPerSample != 32) || (audio.floatingPoint && audio.bitsPerSample != 32)) {
            throw new IllegalArgumentException("unusual WAV format: " + audio.channels + " channels, "
                    + audio.sampleRate + " Hz, " + audio.bitsPerSample + " bit");
        }
        return audio;
    }

    private static String tag(byte[] wav, int at) {
        return new String(wav, at, 4, StandardCharsets.US_ASCII);
    }

    public Duration duration() {
        long bytesPerSecond = (long) sampleRate * channels * (bitsPerSample / 8);
        return Duration.ofNanos(dataBytes * 1_000_000_000L / bytesPerSecond);
    }

    /** Root-mean-square level of 16-bit audio, 0 (silence) to 1 (full scale); 0 for other sample formats. */
    public double loudness(byte[] wav) {
        if (bitsPerSample != 16 || floatingPoint || dataBytes < 2) {
            return 0;
        }
        ByteBuffer in = ByteBuffer.wrap(wav, dataOffset, dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        double sum = 0;
        int count = dataBytes / 2;
        for (int i = 0; i < count; i++) {
            double sample = in.getShort() / 32768.0;
            sum += sample * sample;
        }
        return Math.sqrt(sum / count);
    }
}
