package app.avatarcall.ops;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.bot.BotApi;
import app.avatarcall.telegram.bot.BotApiOutcome;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The bot in {@code /actuator/health} ({@code telegram}), present only when the bot is on: how its latest Bot API call
 * went, and when none came back for {@link #FRESH}, a {@code getMe} (so at most one a minute, whatever probes).
 */
@Component
@OnBot
class TelegramHealthIndicator implements HealthIndicator {

    static final Duration FRESH = Duration.ofMinutes(1);

    private final BotApi api;
    private final Clock clock;

    TelegramHealthIndicator(BotApi api, Clock clock) {
        this.api = api;
        this.clock = clock;
    }

    @Override
    public synchronized Health health() {
        BotApiOutcome outcome = api.lastOutcome()
                .filter(last -> last.at().plus(FRESH).isAfter(clock.instant()))
                .orElseGet(api::ping);
        Health.Builder health = outcome.healthy() ? Health.up() : Health.down();
        health.withDetail("method", outcome.method()).withDetail("at", outcome.at().toString());
        if (outcome.error() != null) {
            health.withDetail("error", outcome.error());
        }
        return health.build();
    }
}
