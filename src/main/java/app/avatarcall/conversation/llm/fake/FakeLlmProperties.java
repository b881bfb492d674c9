package app.avatarcall.conversation.llm.fake;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the fake language model behaves.
 *
 * @param apiKey            the key it accepts (as {@code Authorization: Bearer …})
 * @param models            the models it knows; others get OpenAI's 404 {@code model_not_found}
 * @param firstTokenLatency how long before the reply starts
 * @param tokenLatency      how long each further token takes
 * @param requestsPerMinute more get 429 with {@code Retry-After} (0: no limit)
 */
@ConfigurationProperties("fake-llm")
record FakeLlmProperties(
        @DefaultValue("fake-llm-key") String apiKey,
        @DefaultValue("fake-persona") List<String> models,
        @DefaultValue("300ms") Duration firstTokenLatency,
        @DefaultValue("30ms") Duration tokenLatency,
        @DefaultValue("0") int requestsPerMinute) {
}
