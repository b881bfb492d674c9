package app.avatarcall.avatar.heygen.fake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the fake HeyGen behaves.
 *
 * @param apiKey               the key it accepts
 * @param concurrentLimit      sessions that may be open at once, new or started (a trial key has 3)
 * @param idleTimeout          the activity idle timeout of a session that asks for none (HeyGen: 120 s)
 * @param sessionDurationLimit a started session never runs longer (HeyGen answers 600 s)
 * @param tokenLatency         how long minting a session token takes
 * @param newLatency           how long creating a session takes (about a minute is seen from Moscow)
 * @param startLatency         how long starting a session takes
 * @param requestsPerSecond    per endpoint; more get 429 with Retry-After (0: no limit)
 */
@ConfigurationProperties("fake-heygen")
record FakeHeyGenProperties(
        @DefaultValue("fake-heygen-key") String apiKey,
        @DefaultValue("3") int concurrentLimit,
        @DefaultValue("120s") Duration idleTimeout,
        @DefaultValue("600s") Duration sessionDurationLimit,
        @DefaultValue("0ms") Duration tokenLatency,
        @DefaultValue("0ms") Duration newLatency,
        @DefaultValue("0ms") Duration startLatency,
        @DefaultValue("0") int requestsPerSecond) {
}
