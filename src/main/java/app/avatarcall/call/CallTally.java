package app.avatarcall.call;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Counts and times a live call as it goes, for its {@link CallFigures}. Times come from the service's clock, except
 * the responder's, which is measured where it writes (a monotonic clock).
 */
final class CallTally {

    private long providerMillis;
    private @Nullable Instant sessionSince;
    private boolean sessionFromRinging;
    private @Nullable Integer sessionOpenMs;
    private boolean prewarmed;
    private @Nullable Boolean prewarmUsed;
    private int voice;
    private int text;
    private @Nullable Instant waitingSince;
    private final List<Long> turnMillis = new ArrayList<>();
    private final List<Long> llmMillis = new ArrayList<>();
    private int errors;

    /** A session is open for the call; {@code ringing}: opened before anyone answered (a pre-warm). */
    synchronized void sessionOpened(Instant now, Duration took, boolean ringing) {
        sessionSince = now;
        sessionFromRinging = ringing;
        sessionOpenMs = (int) took.toMillis();
        prewarmed |= ringing;
    }

    /** The call's session closed (or was given away): the vendor stops billing. */
    synchronized void sessionClosed(Instant now) {
        if (sessionSince != null) {
            providerMillis += Duration.between(sessionSince, now).toMillis();
            sessionSince = null;
        }
    }

    /** The call went live on its current session. */
    synchronized void wentLive() {
        if (prewarmed) {
            prewarmUsed = sessionFromRinging && sessionSince != null;
        }
    }

    synchronized void message(boolean byVoice, Instant now) {
        if (byVoice) {
            voice++;
        } else {
            text++;
        }
        if (waitingSince == null) {
            waitingSince = now; // a second message before the answer: the person has waited since the first
        }
    }

    /** The avatar started speaking: how long the person waited for it, if they were waiting for an answer. */
    synchronized Optional<Duration> avatarSpoke(Instant now) {
        if (waitingSince == null) {
            return Optional.empty();
        }
        Duration waited = Duration.between(waitingSince, now);
        waitingSince = null;
        turnMillis.add(waited.toMillis());
        return Optional.of(waited);
    }

    synchronized void replyWritten(Duration took) {
        llmMillis.add(took.toMillis());
    }

    synchronized void error() {
        errors++;
    }

    synchronized Optional<Boolean> prewarmOutcome() {
        return prewarmed ? Optional.of(Boolean.TRUE.equals(prewarmUsed)) : Optional.empty();
    }

    synchronized CallFigures figures() {
        return new CallFigures(providerMillis, voice, text, turnMillis.size(), median(turnMillis), average(turnMillis),
                average(llmMillis), sessionOpenMs, prewarmed, prewarmed ? Boolean.TRUE.equals(prewarmUsed) : null, errors);
    }

    private static @Nullable Integer median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return (int) (sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2);
    }

    private static @Nullable Integer average(List<Long> values) {
        return values.isEmpty() ? null : (int) Math.round(values.stream().mapToLong(Long::longValue).average().orElse(0));
    }
}
