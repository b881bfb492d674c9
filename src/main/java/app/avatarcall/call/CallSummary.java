package app.avatarcall.call;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The calls of a date range in figures. Rates are shares of all calls (0 to 1); a figure nothing was measured for
 * (no answered call, no turn) is none rather than zero.
 *
 * @param durationP50       the median time in call, of calls that went live
 * @param messagesPerCall   the person's messages per call that went live
 * @param voiceShare        the person's messages sent by voice, as a share of all they sent
 * @param providerMinutes   what the avatar vendor billed, in minutes (pre-warms included)
 * @param errorRate         calls that failed or met a provider or responder error
 * @param prewarmWasteRate  pre-warmed sessions no call went live on, of all pre-warmed
 */
public record CallSummary(int calls, double answeredRate, double declinedRate, double missedRate,
                          @Nullable Duration durationP50, @Nullable Duration durationP90,
                          @Nullable Double messagesPerCall, @Nullable Double voiceShare, double providerMinutes,
                          @Nullable Integer turnLatencyAvgMs, @Nullable Integer llmLatencyAvgMs,
                          @Nullable Integer sessionOpenAvgMs, double errorRate, @Nullable Double prewarmWasteRate) {
}
