package app.avatarcall.voice;

/** A transcription did not happen; {@link #reason()} says whose problem it is. Its message never holds audio. */
public class TranscriptionFailed extends RuntimeException {

    public enum Reason {
        /** The service said the audio is not something it can transcribe (format, too short, corrupt). */
        REJECTED,
        /** The audio was bigger than the service takes. */
        TOO_LARGE,
        /** The service is rate limited right now; trying again a little later may work. */
        BUSY,
        /** The service could not be reached, failed, or refused our credentials. */
        UNAVAILABLE
    }

    private final Reason reason;

    public TranscriptionFailed(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public TranscriptionFailed(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
