package app.avatarcall.telegram.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.avatar.AvatarProviderRecovered;
import app.avatarcall.avatar.AvatarProviderWentDown;
import app.avatarcall.call.CallEnded;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

/** The operators hear about outages, failed calls and error spikes in their admin chat, without being flooded. */
@BotTest
class AdminAlertsTest {

    @Autowired
    ErrorSpikes spikes;

    /** Test contexts started since this one configured logging anew; the app listens again on its next round. */
    @BeforeEach
    void listening() {
        spikes.keepListening();
    }

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    FakeTelegram telegram;
    @Autowired
    TestClock clock;
    @Autowired
    AdminAlerts alerts;

    private List<String> alertsContaining(String text) {
        return telegram.messagesTo(BotTest.ADMIN_CHAT).stream().map(FakeTelegram.Request::text)
                .filter(t -> t.contains(text)).toList();
    }

    @Test
    void a_provider_outage_is_told_once_while_it_lasts_then_what_was_held_back_and_the_recovery() {
        AvatarProviderWentDown down = new AvatarProviderWentDown("liveavatar", 80f, Duration.ofSeconds(30), true);
        events.publishEvent(down);
        events.publishEvent(down);
        events.publishEvent(down);

        await().atMost(Duration.ofSeconds(10)).until(() -> alertsContaining("liveavatar is down").size() == 1);
        assertThat(alertsContaining("liveavatar is down").getFirst())
                .isEqualTo("⚠️ The avatar provider liveavatar is down (80% of recent attempts failed). Calls fail fast, "
                        + "or get the demo avatar, until it answers again.");
        await().during(Duration.ofMillis(300)).until(() -> alertsContaining("liveavatar is down").size() == 1);

        clock.advance(Duration.ofMinutes(10));
        alerts.flush();
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsContaining("(+2 similar since the last alert)").size() == 1);

        events.publishEvent(new AvatarProviderRecovered("liveavatar"));
        await().atMost(Duration.ofSeconds(10)).until(() -> alertsContaining("liveavatar answers again").size() == 1);
    }

    @Test
    void a_failed_call_is_told_and_a_call_that_simply_ended_is_not() {
        events.publishEvent(new CallEnded(UUID.randomUUID(), "max", "tg:1", "liveavatar", CallState.ENDED,
                EndReason.HUNG_UP, Duration.ofMinutes(3)));
        events.publishEvent(new CallEnded(UUID.randomUUID(), "max", "tg:1", "liveavatar", CallState.FAILED,
                EndReason.PROVIDER_FAILED, Duration.ZERO));

        await().atMost(Duration.ofSeconds(10)).until(() -> !alertsContaining("A call failed").isEmpty());
        assertThat(alertsContaining("A call failed")).containsExactly("❗ A call failed: avatar max, PROVIDER_FAILED (liveavatar).");
        assertThat(alertsContaining("HUNG_UP")).isEmpty();
    }

    @Test
    void a_spike_of_errors_is_told_without_the_bot_token_in_it() {
        Logger log = LoggerFactory.getLogger("app.avatarcall.somewhere.Worker");
        clock.advance(Duration.ofMinutes(10)); // past any error counted, or spike told, by the tests before
        for (int i = 0; i < 10; i++) {
            log.error("request to https://api.telegram.org/bot{}/sendMessage failed ({})", BotTest.TOKEN, i);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> !alertsContaining("errors in the last 5 minutes").isEmpty());
        String alert = alertsContaining("errors in the last 5 minutes").getFirst();
        assertThat(alert).startsWith("🔥 10 errors in the last 5 minutes. Latest: Worker: request to")
                .doesNotContain(BotTest.TOKEN).contains("<bot token>");
    }
}
