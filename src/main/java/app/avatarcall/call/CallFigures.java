package app.avatarcall.call;

import org.jspecify.annotations.Nullable;

/**
 * What analytics needs of a call, beyond its times and outcome: what the provider billed, how the person talked, how
 * quickly the avatar answered and what went wrong. Only figures, never what was said.
 *
 * @param providerMillis        how long avatar sessions were open for the call (what the vendor bills), pre-warm included
 * @param turns                 replies the person waited for (a message followed by the avatar starting to speak)
 * @param turnLatencyMedianMs   message to the avatar's first word, the median of the call's turns (none: no turn)
 * @param llmLatencyAvgMs       question to the responder's first sentence, on average (none: nothing answered by it)
 * @param sessionOpenMs         how long the provider took to open the session the call used (none: never opened)
 * @param prewarmUsed           whether the session opened while ringing was the one the call went live on (none: no pre-warm)
 * @param errors                provider and responder failures during the call
 */
public record CallFigures(long providerMillis, int voiceMessages, int textMessages, int turns,
                          @Nullable Integer turnLatencyMedianMs, @Nullable Integer turnLatencyAvgMs,
                          @Nullable Integer llmLatencyAvgMs, @Nullable Integer sessionOpenMs, boolean prewarmed,
                          @Nullable Boolean prewarmUsed, int errors) {

    /** A call nothing was measured for (records kept before these figures were). */
    public static final CallFigures NONE = new CallFigures(0, 0, 0, 0, null, null, null, null, false, null, 0);

    /** Opened a session while ringing and never went live on it: the vendor billed for nothing. */
    public boolean prewarmWasted() {
        return prewarmed && !Boolean.TRUE.equals(prewarmUsed);
    }
}
