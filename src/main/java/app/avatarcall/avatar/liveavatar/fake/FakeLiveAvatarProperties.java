package app.avatarcall.avatar.liveavatar.fake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the fake LiveAvatar behaves.
 *
 * @param apiKey          the key it accepts
 * @param concurrentLimit sessions that may run at once (a trial plan has few)
 * @param idleTimeout     a started session with no keep-alive this long is stopped (LiveAvatar: 5 minutes)
 * @param maxDuration     a session never runs longer
 * @param tokenLatency    how long creating a token takes
 * @param startLatency    how long starting a session takes (seconds are normal, tens of seconds from far away)
 * @param requestsPerSecond per endpoint; more get 429 with Retry-After (0: no limit)
 * @param failureRate     chaos: the share of requests answered 503 without doing anything
 * @param lostStartRate   chaos: the share of starts that start the session but answer 504, as a gateway that gave
 *                        up waiting would (the session runs, the caller never learns of it)
 * @param socketConnectLatency how long a LITE session's WebSocket takes to say {@code connected}; what arrives
 *                        before is dropped without a word, as LiveAvatar does
 */
@ConfigurationProperties("fake-liveavatar")
record FakeLiveAvatarProperties(
        @DefaultValue("fake-liveavatar-key") String apiKey,
        @DefaultValue("3") int concurrentLimit,
        @DefaultValue("5m") Duration idleTimeout,
        @DefaultValue("10m") Duration maxDuration,
        @DefaultValue("0ms") Duration tokenLatency,
        @DefaultValue("0ms") Duration startLatency,
        @DefaultValue("0") int requestsPerSecond,
        @DefaultValue("0") double failureRate,
        @DefaultValue("0") double lostStartRate,
        @DefaultValue("100ms") Duration socketConnectLatency) {
}
