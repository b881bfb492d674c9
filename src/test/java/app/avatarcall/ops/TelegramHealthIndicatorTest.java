package app.avatarcall.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The bot's health against the fake Bot API, over real HTTP. */
@BotTest
class TelegramHealthIndicatorTest {

    @Autowired
    TelegramHealthIndicator indicator;
    @Autowired
    FakeTelegram telegram;
    @Autowired
    TestClock clock;

    @Test
    void with_no_recent_bot_api_call_health_asks_telegram_who_the_bot_is_at_most_once_a_minute() {
        clock.advance(Duration.ofMinutes(2));
        int before = telegram.requests("getMe").size();
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
        assertThat(telegram.requests("getMe")).hasSize(before + 1);
    }

    @Test
    void a_bot_api_that_fails_is_down_with_the_reason_and_no_token() {
        clock.advance(Duration.ofMinutes(2));
        telegram.failNext("getMe", 502, "Bad Gateway", null);
        Health health = indicator.health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("method", "getMe").containsKey("error");
        assertThat(health.toString()).doesNotContain(BotTest.TOKEN);

        clock.advance(Duration.ofMinutes(2));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
    }
}
