package app.avatarcall.ops;

import app.avatarcall.avatar.AvatarProviderHealth;
import app.avatarcall.avatar.AvatarProviders;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The avatar provider in {@code /actuator/health} ({@code avatarProvider}): down while its circuit breaker is open,
 * which is what recent session openings said. The vendor is not called: its API bills sessions, and a probe every few
 * seconds would cost money and use up its concurrency.
 */
@Component
class AvatarProviderHealthIndicator implements HealthIndicator {

    private final AvatarProviders providers;

    AvatarProviderHealthIndicator(AvatarProviders providers) {
        this.providers = providers;
    }

    @Override
    public Health health() {
        return of(providers.health());
    }

    static Health of(AvatarProviderHealth health) {
        Health.Builder builder = health.down() ? Health.down() : Health.up();
        builder.withDetail("provider", health.provider())
                .withDetail("breaker", health.breaker())
                .withDetail("recentAttempts", health.recentCalls())
                .withDetail("recentFailures", health.failedCalls());
        if (health.failureRate() >= 0) {
            builder.withDetail("failureRatePercent", health.failureRate());
        }
        if (health.down()) {
            builder.withDetail("meanwhile", health.fallsBackToDemo() ? "calls get the demo avatar" : "calls fail");
        }
        return builder.build();
    }
}
