package app.avatarcall.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.testing.Wavs;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WavAudioTest {

    @Test
    void a_recording_tells_its_format_and_length() {
        byte[] wav = Wavs.tone(Duration.ofMillis(1500), 16000, 440);

        WavAudio audio = WavAudio.read(wav);

        assertThat(audio.sampleRate()).isEqualTo(16000);
        assertThat(audio.channels()).isEqualTo(1);
        assertThat(audio.bitsPerSample()).isEqualTo(16);
        assertThat(audio.duration()).isEqualTo(Duration.ofMillis(1500));
        assertThat(audio.loudness(wav)).isGreaterThan(0.1);
        assertThat(WavAudio.read(Wavs.silence(Duration.ofSeconds(1), 16000)).loudness(Wavs.silence(Duration.ofSeconds(1), 16000)))
                .isZero();
    }

    @Test
    void chunks_before_the_data_are_skipped() {
        byte[] plain = Wavs.tone(Duration.ofMillis(100), 48000, 440);
        byte[] list = "LIST\u0003\0\0\0abc\0".getBytes(StandardCharsets.ISO_8859_1); // odd size: padded
        ByteBuffer wav = ByteBuffer.allocate(plain.length + list.length).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(plain, 0, 36).put(list).put(plain, 36, plain.length - 36);

        assertThat(WavAudio.read(wav.array()).duration()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void what_is_not_pcm_wav_is_refused_with_the_reason() {
        assertThatThrownBy(() -> WavAudio.read("ID3 an mp3 file".getBytes())).hasMessageContaining("not a WAV");
        byte[] alaw = Wavs.tone(Duration.ofMillis(100), 8000, 440);
        alaw[20] = 6; // A-law
        assertThatThrownBy(() -> WavAudio.read(alaw)).hasMessageContaining("not PCM");
        byte[] cut = java.util.Arrays.copyOf(Wavs.tone(Duration.ofMillis(100), 8000, 440), 30);
        assertThatThrownBy(() -> WavAudio.read(cut)).isInstanceOf(IllegalArgumentException.class);
    }
}
