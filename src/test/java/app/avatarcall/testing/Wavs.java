package app.avatarcall.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

/** 16-bit mono PCM WAV files made in memory: a tone stands for sound, zeros for silence. */
public final class Wavs {

    private Wavs() {
    }

    public static byte[] tone(Duration length, int sampleRate, double hertz) {
        return wav(length, sampleRate, i -> (short) (Math.sin(2 * Math.PI * hertz * i / sampleRate) * 8000));
    }

    public static byte[] silence(Duration length, int sampleRate) {
        return wav(length, sampleRate, i -> (short) 0);
    }

    private static byte[] wav(Duration length, int sampleRate, java.util.function.IntFunction<Short> sample) {
        int samples = (int) (length.toMillis() * sampleRate / 1000);
        ByteBuffer out = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        out.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(sampleRate)
                .putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        out.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            out.putShort(sample.apply(i));
        }
        return out.array();
    }
}
