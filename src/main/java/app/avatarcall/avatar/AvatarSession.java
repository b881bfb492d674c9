package app.avatarcall.avatar;

import java.util.function.Consumer;

/**
 * One live avatar, owned by one call. Methods may be called from any thread. {@link #close(String)} is idempotent
 * and must always be called, whatever happens, so that no vendor session is left running (and billed).
 */
public interface AvatarSession {

    /** The provider's session id, for logs and reconciliation. */
    String id();

    /** How the browser shows this avatar. */
    StageSetup stage();

    /** True when the avatar can answer on its own ({@link SpeechMode#TALK}); otherwise callers answer for it. */
    boolean answersItself();

    /**
     * True when the provider hears the person itself: the page publishes the microphone into the avatar's media
     * room, and what the person says comes back as {@link AvatarEvent.PersonSpoke} events.
     */
    default boolean listensToPerson() {
        return false;
    }

    /** Connects the page's stage; commands sent before this are delivered once it is attached. */
    void attach(StageChannel channel);

    /** Hands the session what the page's stage reported. */
    void report(StageReport report);

    /** Listens to the session's events; one listener, the owning call. */
    void onEvent(Consumer<AvatarEvent> listener);

    /**
     * Says (or answers) {@code text} after whatever the avatar is saying now, so that a reply can be handed over
     * sentence by sentence; returns the utterance id that events refer to.
     */
    String speak(String text, SpeechMode mode);

    /** Stops the current utterance and drops anything queued. */
    void interrupt();

    void showEmotion(Emotion emotion);

    /** Tells the vendor the person is still there (resets its idle timer). */
    void keepAlive();

    /** Stops the vendor session. Idempotent; never throws. */
    void close(String reason);

    boolean isClosed();
}
