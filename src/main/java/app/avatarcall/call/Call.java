package app.avatarcall.call;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.ConnectionQuality;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.Memory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call and everything the server knows about it. State moves only through {@link #moveTo}, which refuses
 * moves the state machine does not allow, so a doubled tap or a late timer can never make a second call or revive
 * an ended one. Listeners are told after the change, outside the lock.
 */
public final class Call {

    private static final Logger log = LoggerFactory.getLogger(Call.class);

    private final UUID id = UUID.randomUUID();
    private final String hangUpToken = UUID.randomUUID().toString();
    private final AvatarProfile avatar;
    private final Locale locale;
    private String person;
    private @Nullable String firstName;
    private final Instant createdAt;
    private final List<Consumer<CallEvent>> listeners = new CopyOnWriteArrayList<>();

    private CallState state = CallState.RINGING;
    private ChatMode mode;
    private @Nullable String openingLine;
    private @Nullable EndReason endReason;
    private @Nullable Instant answeredAt;
    private @Nullable Instant activeAt;
    private @Nullable Instant endedAt;
    private Instant lastActivityAt;
    private boolean idleWarned;
    private @Nullable Instant keptAliveAt;
    private @Nullable AvatarSession session;
    private boolean opening;
    private int opened;
    private boolean streamReady;
    private @Nullable StageSetup announcedStage;
    private @Nullable Instant retryOpenAt;
    private @Nullable String previewImage;
    private int busyTries;
    private int personMessages;
    private final ChatLines lines = new ChatLines();
    private final Memory memory = new Memory();
    private final CallTally tally = new CallTally();
    private @Nullable Turn turn;
    private boolean speaking;

    Call(AvatarProfile avatar, Locale locale, String person, @Nullable String firstName, Instant now) {
        this.avatar = avatar;
        this.locale = locale;
        this.person = person;
        this.firstName = firstName;
        // The operator chose the mode the avatar starts in; the person may switch it in the call.
        this.mode = avatar.startsIn() == SpeechMode.REPEAT ? ChatMode.REPEAT : ChatMode.TALK;
        this.createdAt = now;
        this.lastActivityAt = now;
    }

    public UUID id() {
        return id;
    }

    public AvatarProfile avatar() {
        return avatar;
    }

    public AvatarProfile.Persona persona() {
        return avatar.persona(locale);
    }

    /** Who the phone rings for (a Telegram user, or a browser session); never shown, never stored. */
    synchronized String person() {
        return person;
    }

    /** The person's first name, when they are known (a Telegram user): the avatar greets them by it. */
    public synchronized Optional<String> firstName() {
        return Optional.ofNullable(firstName);
    }

    /**
     * What the avatar says first: what a call the bot placed was to open with, or else its persona's greeting,
     * addressed to the person by name when known.
     */
    public synchronized String greeting() {
        return openingLine != null ? openingLine : persona().greeting(firstName);
    }

    /** A call the bot placed: the avatar opens with {@code text} instead of its greeting. */
    synchronized void openWith(String text) {
        openingLine = text;
    }

    /** The person turned out to be someone known: the call is theirs from now on. */
    synchronized void identify(String person, @Nullable String firstName) {
        this.person = person;
        this.firstName = firstName;
    }

    public Locale locale() {
        return locale;
    }

    public synchronized CallState state() {
        return state;
    }

    public synchronized ChatMode mode() {
        return mode;
    }

    public synchronized Optional<EndReason> endReason() {
        return Optional.ofNullable(endReason);
    }

    /** When the call went live, for the call timer. */
    synchronized Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    public synchronized Optional<Instant> activeAt() {
        return Optional.ofNullable(activeAt);
    }

    /** How long the person was in the call: from going live to the end, or to {@code now} (zero if never live). */
    public synchronized Duration talkTime(Instant now) {
        if (activeAt == null) {
            return Duration.ZERO;
        }
        return Duration.between(activeAt, endedAt == null ? now : endedAt);
    }

    /** Lets the page's beacon hang up this call, and nobody who merely knows its id. */
    String hangUpToken() {
        return hangUpToken;
    }

    /**
     * Listens to this call's events; returns what to run to stop listening. A listener that comes after the avatar
     * session opened (a pre-warm is often that quick) is told about it at once, exactly once.
     */
    public Runnable subscribe(Consumer<CallEvent> listener) {
        StageSetup ready;
        synchronized (this) {
            listeners.add(listener);
            ready = announcedStage;
        }
        if (ready != null) {
            listener.accept(new CallEvent.AvatarReady(ready));
        }
        return () -> listeners.remove(listener);
    }

    /** Tells every listener, present and future, that the avatar can be shown. */
    void announceAvatar(StageSetup stage) {
        List<Consumer<CallEvent>> told;
        synchronized (this) {
            announcedStage = stage;
            told = List.copyOf(listeners);
        }
        CallEvent event = new CallEvent.AvatarReady(stage);
        told.forEach(listener -> listener.accept(event));
    }

    /** Moves to {@code next} if the state machine allows it; returns whether it moved. */
    boolean moveTo(CallState next, Instant now, @Nullable EndReason reason) {
        CallState previous;
        synchronized (this) {
            if (!state.canMoveTo(next)) {
                return false;
            }
            previous = state;
            state = next;
            switch (next) {
                case CONNECTING -> answeredAt = now;
                case ACTIVE -> {
                    activeAt = now;
                    lastActivityAt = now;
                }
                default -> {
                    endReason = reason;
                    endedAt = now;
                }
            }
        }
        log.info("call {} {} -> {}{}", id, previous, next, reason == null ? "" : " (" + reason + ")");
        publish(new CallEvent.StateChanged(next));
        return true;
    }

    synchronized void setMode(ChatMode newMode) {
        mode = newMode;
    }

    /**
     * Takes the session that the attempt {@code attempt} (from {@link #startOpening}) opened; false when that attempt
     * was dropped meanwhile, and then the caller must close the session.
     */
    synchronized boolean attachSession(int attempt, AvatarSession session) {
        if (!opening || attempt != opened) {
            return false;
        }
        this.session = session;
        return true;
    }

    /** Claims the opening of the avatar session: the attempt's number, or empty if one is already opening or open. */
    synchronized OptionalInt startOpening() {
        if (opening) {
            return OptionalInt.empty();
        }
        opening = true;
        return OptionalInt.of(++opened);
    }

    /** True while a pre-warm holds (or is opening) a session for a call nobody has answered yet. */
    synchronized boolean holdsPrewarm() {
        return opening && state == CallState.RINGING;
    }

    /** The attempt {@code attempt} failed: drops it, unless it was already dropped (then false). */
    synchronized boolean dropAttempt(int attempt) {
        if (!opening || attempt != opened) {
            return false;
        }
        dropSession();
        return true;
    }

    /** The session (or the attempt to open one) is gone: a later accept opens a new one. */
    synchronized void dropSession() {
        opened++; // an attempt still under way can no longer attach what it opens
        session = null;
        announcedStage = null;
        opening = false;
        streamReady = false;
    }

    /** The provider was busy: try again at {@code at}; returns how many times it has been busy for this call. */
    synchronized int retryOpenAt(Instant at) {
        retryOpenAt = at;
        return ++busyTries;
    }

    /** True (once) when a retry after "all lines busy" is due. */
    synchronized boolean retryDue(Instant now) {
        if (retryOpenAt == null || now.isBefore(retryOpenAt)) {
            return false;
        }
        retryOpenAt = null;
        return true;
    }

    /** The avatar's picture for the ringing screen, once the provider has told it. */
    public synchronized Optional<String> previewImage() {
        return Optional.ofNullable(previewImage);
    }

    void showPreview(String url) {
        synchronized (this) {
            previewImage = url;
        }
        publish(new CallEvent.PreviewFound(url));
    }

    synchronized void markStreamReady() {
        streamReady = true;
    }

    synchronized boolean isStreamReady() {
        return streamReady;
    }

    synchronized Optional<AvatarSession> session() {
        return Optional.ofNullable(session);
    }

    /** Something happened that shows the person is there; returns true if a pending idle warning was cleared. */
    synchronized boolean touch(Instant now) {
        lastActivityAt = now;
        boolean cleared = idleWarned;
        idleWarned = false;
        return cleared;
    }

    synchronized Duration idleFor(Instant now) {
        return Duration.between(lastActivityAt, now);
    }

    /** True (and noted) when the provider should hear again that the person is still there. */
    synchronized boolean keepAliveDue(Instant now, Duration every) {
        Instant last = keptAliveAt == null ? activeAt : keptAliveAt;
        if (last == null || Duration.between(last, now).compareTo(every) < 0) {
            return false;
        }
        keptAliveAt = now;
        return true;
    }

    /** Marks the idle warning as given; returns false if it already was. */
    synchronized boolean warnIdle() {
        if (idleWarned) {
            return false;
        }
        idleWarned = true;
        return true;
    }

    synchronized void countPersonMessage() {
        personMessages++;
    }

    /** The avatar's chat lines in flight. */
    ChatLines lines() {
        return lines;
    }

    /** What was said in this call, for the responder. */
    Memory memory() {
        return memory;
    }

    /** Makes {@code next} the reply being written; returns the one it replaces. */
    synchronized @Nullable Turn swapTurn(@Nullable Turn next) {
        Turn previous = turn;
        turn = next;
        return previous;
    }

    /** Whether a reply is still being written. */
    synchronized boolean isAnswering() {
        return turn != null;
    }

    /** A reply is written to its end. */
    synchronized void turnOver(Turn over) {
        if (turn == over) {
            turn = null;
        }
    }

    /** Records whether the avatar speaks; returns true if that changed. */
    synchronized boolean setSpeaking(boolean now) {
        boolean changed = speaking != now;
        speaking = now;
        return changed;
    }

    public synchronized boolean isSpeaking() {
        return speaking || lines.busy();
    }

    Instant createdAt() {
        return createdAt;
    }

    /** The figures measured as the call goes, for its record. */
    CallTally tally() {
        return tally;
    }

    /** The call as the operator sees it at {@code now}. */
    synchronized LiveCall live(Instant now, String provider, @Nullable ConnectionQuality connection) {
        String telegramId = person.startsWith("tg:") ? person.substring(3) : null;
        return new LiveCall(id, telegramId, telegramId == null ? null : firstName, avatar.id(), persona().name(),
                provider, state, createdAt, talkTime(now), lastActivityAt, connection);
    }

    synchronized Duration age(Instant now) {
        return Duration.between(createdAt, now);
    }

    synchronized CallRecord record(String provider) {
        return new CallRecord(id, avatar.id(), locale.toLanguageTag(), provider, createdAt, answeredAt, activeAt,
                endedAt, state, endReason, personMessages, lines.opened(), person, tally.figures());
    }

    void publish(CallEvent event) {
        for (Consumer<CallEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("call {} listener failed on {}", id, event, e);
            }
        }
    }
}
