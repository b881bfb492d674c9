package app.avatarcall.conversation.llm;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The language model in {@code /actuator/health} ({@code llm}), present only when one is configured: a cheap
 * {@code GET {base}/models} with a short timeout, asked at most once a {@link #EVERY} (probes in between get the last
 * answer), so neither a busy load balancer nor a slow model holds up the health endpoint. The API key is sent, never shown.
 */
@Component
@Conditional(LlmHealthIndicator.Configured.class)
class LlmHealthIndicator implements HealthIndicator {

    static final Duration EVERY = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private record Checked(Instant at, Health health) {
    }

    private final LlmProperties properties;
    private final Clock clock;
    private final OkHttpClient http = new OkHttpClient.Builder().connectTimeout(TIMEOUT).readTimeout(TIMEOUT)
            .callTimeout(TIMEOUT.multipliedBy(2)).retryOnConnectionFailure(false).build();
    private @Nullable Checked last;

    LlmHealthIndicator(LlmProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(EVERY))) {
            last = new Checked(now, probe(now));
        }
        return last.health();
    }

    private Health probe(Instant now) {
        HttpUrl url = HttpUrl.get(Objects.requireNonNull(properties.baseUrl()).toString()).newBuilder()
                .addPathSegment("models").build();
        Request.Builder request = new Request.Builder().url(url).get();
        String key = properties.apiKey();
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        Health.Builder health;
        try (Response response = http.newCall(request.build()).execute()) {
            int code = response.code();
            // 404: a compatible server without the models list; it answered, so it is there.
            health = code == 401 || code == 403 || code >= 500 ? Health.down() : Health.up();
            health.withDetail("status", code);
        } catch (IOException e) {
            health = Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return health.withDetail("model", Objects.requireNonNull(properties.model()))
                .withDetail("host", url.host()).withDetail("checkedAt", now.toString()).build();
    }

    /** On when {@code llm.base-url} and {@code llm.model} are set, as for {@link LlmConfiguration}. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("llm.base-url"))
                    && StringUtils.hasText(context.getEnvironment().getProperty("llm.model"));
        }
    }
}
