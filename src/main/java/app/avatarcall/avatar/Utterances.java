package app.avatarcall.avatar;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * What a vendor session knows of the avatar's utterances from the vendor's own events: which one is being said, its
 * caption so far, and whether it was cut off. LiveKit's active speakers back those events up: when the avatar has
 * been silent for a while and the end of what it was saying never came, the utterance is over all the same, so a
 * call never waits for it forever. Thread-safe; events go out outside the lock.
 */
public final class Utterances {

    /** Silence this long after the avatar stopped being an active speaker ends its utterance. */
    public static final Duration SILENCE_ENDS_UTTERANCE = Duration.ofMillis(1500);

    private final Executor background;
    private final Consumer<AvatarEvent> events;
    private final BooleanSupplier closed;
    private final Map<String, StringBuilder> captions = new HashMap<>();
    private @Nullable String speaking;
    private boolean interrupted;
    private boolean audible;

    /**
     * @param events where the session's events go
     * @param closed whether the session is closed (then nothing more is said about it)
     */
    public Utterances(Executor background, Consumer<AvatarEvent> events, BooleanSupplier closed) {
        this.background = background;
        this.events = events;
        this.closed = closed;
    }

    public void started(String utteranceId) {
        synchronized (this) {
            speaking = utteranceId;
            interrupted = false;
        }
        events.accept(new AvatarEvent.SpeakingStarted(utteranceId));
    }

    /** The caption grew by {@code text} (a chunk), or is now {@code text} (the whole of it so far). */
    public void captioned(String utteranceId, String text, boolean chunk) {
        String caption;
        synchronized (this) {
            StringBuilder said = captions.computeIfAbsent(utteranceId, id -> new StringBuilder());
            if (!chunk) {
                said.setLength(0);
            }
            caption = said.append(text).toString();
        }
        events.accept(new AvatarEvent.CaptionUpdated(utteranceId, caption));
    }

    public void ended(String utteranceId) {
        events.accept(end(utteranceId));
    }

    /**
     * The session ended an utterance itself, before the vendor said it had ended: cut off before or while it was
     * said, or never said because its audio could not be made. It ends as interrupted.
     */
    public void cutOff(String utteranceId) {
        synchronized (this) {
            if (utteranceId.equals(speaking)) {
                speaking = null;
                interrupted = false;
            }
            captions.remove(utteranceId);
        }
        events.accept(new AvatarEvent.SpeakingEnded(utteranceId, true));
    }

    /** The session is about to cut the avatar off: whatever it is saying ends as interrupted. */
    public synchronized void interrupting() {
        interrupted = speaking != null;
    }

    /** LiveKit hears the avatar, or no longer does. */
    public void audible(boolean audibleNow) {
        String utterance;
        synchronized (this) {
            audible = audibleNow;
            utterance = speaking;
        }
        if (audibleNow || utterance == null) {
            return;
        }
        background.execute(() -> endAfterSilence(utterance));
    }

    private void endAfterSilence(String utterance) {
        try {
            Thread.sleep(SILENCE_ENDS_UTTERANCE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        AvatarEvent ended = null;
        synchronized (this) {
            if (!audible && utterance.equals(speaking) && !closed.getAsBoolean()) {
                ended = end(utterance);
            }
        }
        if (ended != null) {
            events.accept(ended);
        }
    }

    private synchronized AvatarEvent end(String utteranceId) {
        boolean cut = interrupted && utteranceId.equals(speaking);
        speaking = null;
        interrupted = false;
        captions.remove(utteranceId);
        return new AvatarEvent.SpeakingEnded(utteranceId, cut);
    }
}
