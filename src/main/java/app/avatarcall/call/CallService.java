package app.avatarcall.call;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarProviders;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.MessageText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Owns the live calls: starts them, moves them through their states, connects them to an avatar session, answers
 * messages, ends them on every path, and always closes the avatar session and keeps a record when one ends
 * (then tells whoever listens: {@link CallEnded}).
 */
@Service
public class CallService {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);

    private final Map<UUID, Call> live = new ConcurrentHashMap<>();
    private final AvatarProviders providers;
    private final Conversation conversation;
    private final CallRecords records;
    private final CallProperties properties;
    private final Clock clock;
    private final Executor tasks;
    private final ApplicationEventPublisher events;
    private final LiveBoard board;

    CallService(AvatarProviders providers, Conversation conversation, CallRecords records,
                CallProperties properties, Clock clock, @Qualifier("callTaskExecutor") Executor tasks,
                ApplicationEventPublisher events, LiveBoard board) {
        this.providers = providers;
        this.conversation = conversation;
        this.records = records;
        this.properties = properties;
        this.clock = clock;
        this.tasks = CallMdc.propagating(tasks); // a task's log lines name its call, as the caller's did
        this.events = events;
        this.board = board;
    }

    /**
     * An avatar calls {@code person} (a Telegram user, or a browser session): the phone rings. The avatar session
     * is pre-warmed while it rings, at most one per person: a newer call takes over from an older one still ringing
     * (a reloaded page, a second tab), which then opens its session only if it is answered.
     */
    public Call ring(AvatarProfile avatar, Locale locale, String person) {
        return ring(avatar, locale, person, null);
    }

    /** Rings a person whose first name is known (a Telegram user): the avatar greets them by it. */
    public Call ring(AvatarProfile avatar, Locale locale, String person, @Nullable String firstName) {
        Call call = new Call(avatar, locale, person, firstName, clock.instant());
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            live.put(call.id(), call);
            call.subscribe(event -> lineShown(call, event));
            board.watch(call);
            log.info("call {} ringing: avatar {} in {}", call.id(), avatar.id(), locale.toLanguageTag());
            tasks.execute(() -> providers.current().previewImage(avatar.spec(locale)).ifPresent(call::showPreview));
            if (properties.prewarm()) {
                live.values().stream()
                        .filter(other -> other != call && other.person().equals(person) && other.holdsPrewarm())
                        .forEach(this::releasePrewarm);
                open(call);
            }
            return call;
        }
    }

    /** A chat line is complete: told as {@link LineSaid} to whoever keeps transcripts (none unless an operator wants). */
    private void lineShown(Call call, CallEvent event) {
        if (event instanceof CallEvent.MessageShown(ChatMessage line) && line.complete()
                && !line.text().isBlank() && !line.text().equals("…")) {
            events.publishEvent(new LineSaid(call.id(), call.person(), clock.instant(), line.author(), line.text()));
        }
    }

    private void releasePrewarm(Call call) {
        Optional<AvatarSession> session = call.session();
        call.tally().sessionClosed(clock.instant());
        call.dropSession();
        session.ifPresent(it -> it.close("a newer call to the same person is pre-warming"));
        log.info("call {} gave its pre-warmed avatar session to a newer call to the same person", call.id());
    }

    /**
     * The person a call rings for turned out to be someone known (the Mini App verified a Telegram user after the
     * page rang for a browser session): the call goes on for them, pre-warmed avatar and all, and greets them by name.
     */
    public void identify(Call call, String person, @Nullable String firstName) {
        call.identify(person, firstName);
    }

    /** Answers a ringing call; a second tap, or a tap on a call that is no longer ringing, does nothing. */
    public void accept(Call call) {
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            if (!call.moveTo(CallState.CONNECTING, clock.instant(), null)) {
                return;
            }
            if (call.isStreamReady()) {
                call.session().ifPresent(session -> goLive(call, session)); // pre-warmed: the avatar is already there
            } else {
                open(call); // or wait for the pre-warm still under way
            }
        }
    }

    public void decline(Call call) {
        end(call, CallState.DECLINED, EndReason.DECLINED);
    }

    /** Ends the call from the person's side, whatever state it is in. */
    public void hangUp(Call call, EndReason reason) {
        end(call, CallState.ENDED, reason);
    }

    /** The page's beacon on tab close: hangs up only with the call's own token. */
    public boolean hangUpByBeacon(UUID callId, String token) {
        Call call = live.get(callId);
        if (call == null || !call.hangUpToken().equals(token)) {
            return false;
        }
        hangUp(call, EndReason.TAB_CLOSED);
        return true;
    }

    /** The address the page's beacon posts to when the tab closes. */
    public String hangUpBeaconPath(Call call) {
        return "beacon/calls/" + call.id() + "/hang-up?token=" + call.hangUpToken();
    }

    /** How long the person has been (or was) in the call, by the service's clock. */
    public Duration talkTime(Call call) {
        return call.talkTime(clock.instant());
    }

    public Optional<Call> find(UUID id) {
        return Optional.ofNullable(live.get(id));
    }

    public int liveCalls() {
        return live.size();
    }

    /** The calls not over yet, as the operator sees them now, the oldest first. */
    public List<LiveCall> live() {
        Instant now = clock.instant();
        return live.values().stream().filter(call -> !call.state().isOver())
                .sorted(Comparator.comparing(Call::createdAt))
                .map(call -> call.live(now, providers.current().id(), board.connection(call.id()).orElse(null)))
                .toList();
    }

    /** What happened in a live call so far (no message text); empty once it is over. */
    public List<CallMoment> timeline(UUID callId) {
        return board.timeline(callId);
    }

    /**
     * Runs {@code listener} whenever a live call changes, comes or goes, and every sweep (durations grow); on the
     * thread that changed it, so it returns quickly. Returns what to run to stop listening.
     */
    public Runnable onLiveCallsChanged(Runnable listener) {
        return board.onChange(listener);
    }

    /** An operator ends a live call from the console; false if it was over already. */
    public boolean endByOperator(UUID callId) {
        Call call = live.get(callId);
        if (call == null || call.state().isOver()) {
            return false;
        }
        hangUp(call, EndReason.ENDED_BY_OPERATOR);
        return true;
    }

    /** The page's stage is ready for commands. */
    public void attachStage(Call call, StageChannel channel) {
        call.session().ifPresent(session -> session.attach(channel));
    }

    /** What the page's stage reported. */
    public void report(Call call, StageReport report) {
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            call.session().ifPresent(session -> session.report(report));
        }
    }

    public SendResult send(Call call, String raw) {
        return send(call, raw, false);
    }

    /** A message the person said ({@code byVoice}, transcribed) or typed. */
    public SendResult send(Call call, String raw, boolean byVoice) {
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            return deliver(call, raw, byVoice);
        }
    }

    private SendResult deliver(Call call, String raw, boolean byVoice) {
        if (call.state() != CallState.ACTIVE) {
            return new SendResult.NotInCall();
        }
        return switch (MessageText.check(raw)) {
            case MessageText.Check.Empty empty -> new SendResult.Empty();
            case MessageText.Check.TooLong tooLong -> new SendResult.TooLong(tooLong.length(), tooLong.max());
            case MessageText.Check.Accepted accepted -> {
                activity(call);
                call.tally().message(byVoice, clock.instant());
                conversation.deliver(call, accepted.text());
                yield new SendResult.Sent();
            }
        };
    }

    /**
     * A call the bot placed, answered: the avatar opens with {@code opening} (blank: its own greeting) in
     * {@code mode}. Only before the avatar has said anything.
     */
    public void openWith(Call call, String opening, ChatMode mode) {
        if (call.state() == CallState.RINGING || call.state() == CallState.CONNECTING) {
            if (!opening.isBlank()) {
                call.openWith(opening.strip());
            }
            setMode(call, mode);
        }
    }

    public void setMode(Call call, ChatMode mode) {
        call.setMode(mode);
        activity(call);
        call.publish(new CallEvent.ModeChanged(mode));
    }

    /** The person answered the idle warning. */
    public void stillHere(Call call) {
        activity(call);
    }

    /** Misses calls nobody answered, warns and ends idle ones, and ends those past their maximum duration. */
    @Scheduled(fixedDelayString = "${call.sweep-every:1s}")
    public void sweep() {
        Instant now = clock.instant();
        for (Call call : live.values()) {
            try (CallMdc.Scope scope = CallMdc.enter(call)) {
                sweep(call, now);
            }
        }
        board.changed(); // durations on the operator's screen grow
    }

    private void sweep(Call call, Instant now) {
        switch (call.state()) {
            case RINGING -> {
                if (call.age(now).compareTo(properties.ringTimeout()) >= 0) {
                    end(call, CallState.MISSED, EndReason.MISSED);
                }
            }
            case CONNECTING -> {
                if (call.retryDue(now)) {
                    open(call);
                }
            }
            case ACTIVE -> sweepActive(call, now);
            default -> { }
        }
    }

    /**
     * Stops provider sessions that no live call owns: whatever a crash, a restart or a lost stop left running (and
     * billing). Sessions younger than a minute are spared: they may be opening for a call right now.
     */
    @Scheduled(fixedDelayString = "${avatar.reconcile-every:5m}", initialDelayString = "${avatar.reconcile-every:5m}")
    public void reconcile() {
        Set<String> owned = live.values().stream().flatMap(call -> call.session().stream())
                .map(AvatarSession::id).collect(Collectors.toSet());
        try {
            int stopped = providers.current().reconcile(owned, Duration.ofMinutes(1));
            if (stopped > 0) {
                log.warn("stopped {} {} avatar sessions that no call owned", stopped, providers.current().id());
            }
        } catch (RuntimeException e) {
            log.warn("could not reconcile {} avatar sessions: {}", providers.current().id(), e.getMessage());
        }
    }

    private void sweepActive(Call call, Instant now) {
        if (call.talkTime(now).compareTo(properties.maxDuration()) >= 0) {
            hangUp(call, EndReason.MAX_DURATION);
            return;
        }
        if (call.keepAliveDue(now, properties.keepAliveEvery())) {
            call.session().ifPresent(session -> tasks.execute(() -> keepAlive(call, session)));
        }
        Duration idle = call.isSpeaking() ? Duration.ZERO : call.idleFor(now);
        if (idle.compareTo(properties.idleTimeout()) >= 0) {
            hangUp(call, EndReason.IDLE);
        } else if (idle.compareTo(properties.idleTimeout().minus(properties.idleWarning())) >= 0 && call.warnIdle()) {
            call.publish(new CallEvent.IdleWarned(properties.idleTimeout().minus(idle)));
        }
    }

    private void keepAlive(Call call, AvatarSession session) {
        try {
            session.keepAlive();
        } catch (RuntimeException e) {
            failed(call, e);
            // If the session is really gone, the provider says so with a session-stopped event.
            log.warn("call {} keep-alive of avatar session {} failed: {}", call.id(), session.id(), e.getMessage());
        }
    }

    private void open(Call call) {
        call.startOpening().ifPresent(attempt -> tasks.execute(() -> openSession(call, attempt)));
    }

    private void openSession(Call call, int attempt) {
        AvatarProvider provider = providers.current();
        long started = System.nanoTime();
        boolean ringing = call.state() == CallState.RINGING; // a pre-warm, even if answered while it opens
        AvatarSession session;
        try {
            session = providers.open(call.avatar().spec(call.locale()));
        } catch (AvatarBusyException e) {
            if (!call.dropAttempt(attempt)) {
                return; // released meanwhile: a newer attempt (or none) is in charge
            }
            if (call.state() == CallState.CONNECTING) {
                if (call.retryOpenAt(clock.instant().plus(properties.busyRetryEvery())) > properties.busyTries()) {
                    end(call, CallState.FAILED, EndReason.LINES_BUSY);
                } else {
                    log.info("call {}: every {} line is busy; trying again in {}", call.id(), provider.id(),
                            properties.busyRetryEvery());
                    call.publish(new CallEvent.LinesBusy(properties.busyRetryEvery()));
                }
            } // a pre-warm that found every line busy is tried again when the person answers
            return;
        } catch (RuntimeException e) {
            log.warn("call {} could not open a {} avatar session", call.id(), provider.id(), e);
            failed(call, e);
            if (call.dropAttempt(attempt) && call.state() != CallState.RINGING) {
                end(call, CallState.FAILED, EndReason.PROVIDER_FAILED);
            } // a pre-warm that failed is tried again when the person answers
            return;
        }
        if (!call.attachSession(attempt, session)) {
            session.close("no longer wanted: the pre-warm was released while the session opened");
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        call.tally().sessionOpened(clock.instant(), took, ringing);
        events.publishEvent(new AvatarSessionOpened(call.id(), provider.id(), took, ringing));
        session.onEvent(event -> {
            try (CallMdc.Scope scope = CallMdc.enter(call)) { // vendors report on threads of their own
                onAvatarEvent(call, session, event);
            }
        });
        log.info("call {} opened {} session {} in {} ms", call.id(), provider.id(), session.id(), took.toMillis());
        if (call.state().isOver()) {
            // Declined, missed or hung up while the session was opening: it must not outlive the call.
            session.close("call over before the avatar was ready");
            call.tally().sessionClosed(clock.instant());
            return;
        }
        call.announceAvatar(session.stage());
    }

    private void goLive(Call call, AvatarSession session) {
        if (call.moveTo(CallState.ACTIVE, clock.instant(), null)) {
            call.tally().wentLive();
            conversation.greet(call, session);
        }
    }

    private void onAvatarEvent(Call call, AvatarSession session, AvatarEvent event) {
        switch (event) {
            case AvatarEvent.StreamReady ready -> {
                call.markStreamReady();
                if (call.state() == CallState.CONNECTING) {
                    goLive(call, session);
                }
            }
            case AvatarEvent.SpeakingStarted started -> {
                call.tally().avatarSpoke(clock.instant()).ifPresent(waited ->
                        events.publishEvent(new AvatarReplied(call.id(), providers.current().id(), waited)));
                if (call.setSpeaking(true)) {
                    call.publish(new CallEvent.SpeakingChanged(true));
                }
            }
            case AvatarEvent.CaptionUpdated caption ->
                    conversation.captioned(call, caption.utteranceId(), caption.spokenText());
            case AvatarEvent.SpeakingEnded ended -> {
                conversation.spoken(call, ended.utteranceId(), ended.interrupted());
                call.touch(clock.instant());
                if (call.setSpeaking(false)) {
                    call.publish(new CallEvent.SpeakingChanged(false));
                }
            }
            case AvatarEvent.PersonSpoke spoke -> send(call, spoke.text(), true); // heard by the provider: like typed text
            case AvatarEvent.ConnectionChanged changed -> call.publish(new CallEvent.ConnectionChanged(changed.quality()));
            case AvatarEvent.SessionStopped stopped -> {
                log.info("call {} avatar session stopped: {}", call.id(), stopped.reason());
                if (call.state() == CallState.RINGING) {
                    call.tally().sessionClosed(clock.instant());
                    call.dropSession(); // the pre-warmed avatar is gone; answering opens a new one
                    session.close(stopped.reason());
                } else if (call.state() == CallState.CONNECTING) {
                    end(call, CallState.FAILED, EndReason.PROVIDER_FAILED);
                } else {
                    end(call, CallState.ENDED, EndReason.PROVIDER_STOPPED);
                }
            }
        }
    }

    private void activity(Call call) {
        if (call.touch(clock.instant())) {
            call.publish(new CallEvent.IdleWarningCleared());
        }
    }

    private void end(Call call, CallState outcome, EndReason reason) {
        try (CallMdc.Scope scope = CallMdc.enter(call)) {
            over(call, outcome, reason);
        }
    }

    private void over(Call call, CallState outcome, EndReason reason) {
        if (!call.moveTo(outcome, clock.instant(), reason)) {
            return;
        }
        live.remove(call.id());
        board.forget(call);
        conversation.stop(call);
        call.session().ifPresent(session -> session.close(reason.name()));
        call.tally().sessionClosed(clock.instant());
        try {
            records.save(call.record(providers.current().id()));
        } catch (RuntimeException e) {
            log.error("call {} ended but its record could not be saved", call.id(), e);
        }
        Duration talkTime = call.talkTime(clock.instant());
        log.info("call {} over: {} after {} s in call", call.id(), reason, talkTime.toSeconds());
        events.publishEvent(new CallEnded(call.id(), call.avatar().id(), call.person(), providers.current().id(), outcome,
                reason, talkTime));
        call.tally().prewarmOutcome().ifPresent(used ->
                events.publishEvent(new PrewarmSettled(call.id(), providers.current().id(), used)));
    }

    private void failed(Call call, RuntimeException e) {
        call.tally().error();
        events.publishEvent(new AvatarSessionFailed(call.id(), providers.current().id(), e.getClass().getSimpleName()));
    }
}
