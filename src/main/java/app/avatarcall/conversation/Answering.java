package app.avatarcall.conversation;

/** A reply being written. */
@FunctionalInterface
public interface Answering {

    /** A reply that was written at once, with nothing left to stop. */
    Answering DONE = () -> { };

    /** Stops writing the reply (closing any connection it holds); its listener hears nothing more. Idempotent. */
    void cancel();
}
