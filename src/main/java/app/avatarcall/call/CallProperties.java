package app.avatarcall.call;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long calls may ring, idle and last.
 *
 * @param ringTimeout  unanswered this long, a call is missed
 * @param idleTimeout  no activity this long ends an active call
 * @param idleWarning  how long before the idle end the person is warned
 * @param maxDuration  an active call never lasts longer
 * @param prewarm      open the avatar session while the phone rings, so that answering shows the avatar at once
 *                     (a declined or missed call then costs the provider a second or so)
 * @param busyRetryEvery when every line of the provider is busy, how long until the call tries again
 * @param busyTries      how many times it tries before it gives up
 * @param keepAliveEvery how often a live call tells the avatar provider the person is still there (LiveAvatar ends
 *                     sessions idle for 5 minutes)
 */
@Validated
@ConfigurationProperties("call")
record CallProperties(
        @NotNull @DefaultValue("30s") Duration ringTimeout,
        @NotNull @DefaultValue("3m") Duration idleTimeout,
        @NotNull @DefaultValue("30s") Duration idleWarning,
        @NotNull @DefaultValue("30m") Duration maxDuration,
        @NotNull @DefaultValue("2m") Duration keepAliveEvery,
        @DefaultValue("true") boolean prewarm,
        @NotNull @DefaultValue("10s") Duration busyRetryEvery,
        @DefaultValue("6") int busyTries) {
}
