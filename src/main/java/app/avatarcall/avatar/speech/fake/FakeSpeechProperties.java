package app.avatarcall.avatar.speech.fake;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the fake speech synthesizer behaves.
 *
 * @param apiKey            the key it accepts
 * @param exhaustedApiKey   a key it knows whose account has no quota left (429 {@code insufficient_quota})
 * @param requestsPerSecond per key; more get 429 {@code rate_limit_exceeded} (0: no limit)
 * @param firstAudioLatency how long before the first audio leaves (a real synthesizer needs some hundred ms)
 */
@ConfigurationProperties("fake-tts")
record FakeSpeechProperties(
        @DefaultValue("fake-tts-key") String apiKey,
        @DefaultValue("fake-tts-exhausted-key") String exhaustedApiKey,
        @DefaultValue("0") int requestsPerSecond,
        @DefaultValue("0ms") Duration firstAudioLatency) {
}
