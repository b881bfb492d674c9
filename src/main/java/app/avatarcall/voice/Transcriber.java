package app.avatarcall.voice;

/**
 * Turns one utterance into text. Implementations talk to a speech-to-text service; they never keep the audio.
 * Methods may be called from any thread.
 */
public interface Transcriber {

    /**
     * What was said, as plain text (empty when nothing intelligible was heard).
     *
     * @throws TranscriptionFailed when the service refused the audio or could not be reached
     */
    String transcribe(Utterance utterance);
}
