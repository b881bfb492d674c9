package app.avatarcall.call;

import app.avatarcall.avatar.ConnectionQuality;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What the operator watches of the live calls: each call's timeline and last connection report, and who wants to
 * hear that something changed (the live-calls screen). Only while a call is live; its record keeps the figures.
 */
@Component
class LiveBoard {

    private static final Logger log = LoggerFactory.getLogger(LiveBoard.class);
    /** Enough for a long call's story; old moments go first, so a call's memory stays small. */
    static final int MOMENTS = 100;

    private final Map<UUID, Watched> watched = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Clock clock;

    LiveBoard(Clock clock) {
        this.clock = clock;
    }

    void watch(Call call) {
        Watched w = new Watched();
        watched.put(call.id(), w);
        w.note(clock.instant(), new CallEvent.StateChanged(call.state()));
        call.subscribe(event -> {
            if (w.note(clock.instant(), event)) {
                changed();
            }
        });
        changed();
    }

    void forget(Call call) {
        watched.remove(call.id());
        changed();
    }

    List<CallMoment> timeline(UUID callId) {
        Watched w = watched.get(callId);
        return w == null ? List.of() : w.moments();
    }

    Optional<ConnectionQuality> connection(UUID callId) {
        return Optional.ofNullable(watched.get(callId)).map(Watched::connection);
    }

    Runnable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Time passed (durations grew), or a call changed. */
    void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn("a live-calls listener failed", e);
            }
        }
    }

    private static final class Watched {

        private final Deque<CallMoment> moments = new ArrayDeque<>();
        private @Nullable ConnectionQuality connection;

        /** Notes what the operator would want to see; returns whether it was such a thing. */
        synchronized boolean note(Instant at, CallEvent event) {
            @Nullable CallMoment moment = switch (event) {
                case CallEvent.StateChanged changed -> new CallMoment(at, CallMoment.Kind.STATE, changed.state().name());
                case CallEvent.AvatarReady ready -> new CallMoment(at, CallMoment.Kind.AVATAR_READY, "");
                case CallEvent.SpeakingChanged speaking ->
                        new CallMoment(at, CallMoment.Kind.SPEAKING, speaking.speaking() ? "started" : "ended");
                case CallEvent.ConnectionChanged changed -> {
                    connection = changed.quality();
                    yield new CallMoment(at, CallMoment.Kind.CONNECTION, changed.quality().name());
                }
                case CallEvent.IdleWarned warned ->
                        new CallMoment(at, CallMoment.Kind.IDLE_WARNED, String.valueOf(warned.left().toSeconds()));
                case CallEvent.IdleWarningCleared cleared -> new CallMoment(at, CallMoment.Kind.IDLE_CLEARED, "");
                case CallEvent.LinesBusy busy -> new CallMoment(at, CallMoment.Kind.LINES_BUSY, "");
                case CallEvent.ModeChanged mode -> new CallMoment(at, CallMoment.Kind.MODE, mode.mode().name());
                case CallEvent.MessageShown shown -> null; // what was said is not the operator's to watch
                case CallEvent.PreviewFound found -> null;
            };
            if (moment == null) {
                return false;
            }
            if (moments.size() == MOMENTS) {
                moments.removeFirst();
            }
            moments.addLast(moment);
            return true;
        }

        synchronized List<CallMoment> moments() {
            return List.copyOf(moments);
        }

        synchronized @Nullable ConnectionQuality connection() {
            return connection;
        }
    }
}
