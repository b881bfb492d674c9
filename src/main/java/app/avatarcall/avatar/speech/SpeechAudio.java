package app.avatarcall.avatar.speech;

import app.avatarcall.avatar.AvatarUnavailableException;

/**
 * Speech being made: PCM16 24 kHz mono, read as it arrives. {@link #close()} may be called from any thread, also
 * while another one waits in {@link #read}; it cancels the synthesis, and the waiting read then ends.
 */
public interface SpeechAudio extends AutoCloseable {

    /**
     * Reads up to {@code length} bytes, waiting until some are there.
     *
     * @return how many bytes were read, or -1 when the speech is over (or was closed)
     * @throws AvatarUnavailableException when the synthesis failed midway
     */
    int read(byte[] into, int offset, int length);

    /** Stops the synthesis and frees what it holds. Idempotent; never throws. */
    @Override
    void close();
}
