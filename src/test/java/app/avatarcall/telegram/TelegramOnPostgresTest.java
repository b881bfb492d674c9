package app.avatarcall.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.conversation.ChatMode;
import app.avatarcall.telegram.bot.BotUsers;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.telegram.schedule.CallPlan;
import app.avatarcall.telegram.schedule.CallSchedule;
import app.avatarcall.telegram.schedule.Recurrence;
import app.avatarcall.telegram.schedule.ScheduledCalls;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The Telegram tables, db-scheduler's and the bot's queries on a real PostgreSQL, as in production: someone starts
 * the bot, a call is scheduled in their time zone, rings, and is answered. Runs when {@code TEST_POSTGRES_URL} is set.
 */
@BotTest
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_POSTGRES_URL}",
        "spring.datasource.username=${TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${TEST_POSTGRES_PASSWORD:}"})
class TelegramOnPostgresTest {

    @Autowired
    FakeTelegram telegram;
    @Autowired
    ScheduledCalls calls;
    @Autowired
    BotUsers users;
    @Autowired
    TestClock clock;
    @Autowired
    DataSource dataSource;

    @Test
    void a_person_starts_the_bot_and_a_scheduled_call_rings_and_is_answered_on_postgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        long person = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        telegram.userSends(person, "Иван", "ru", "/start max");
        await().atMost(Duration.ofSeconds(10)).until(() -> users.find(person).isPresent()
                && users.find(person).get().started());
        users.setTimeZone(person, ZoneId.of("Asia/Yekaterinburg"));

        LocalDateTime local = LocalDateTime.ofInstant(clock.instant().plus(Duration.ofMinutes(3)), ZoneId.of("Asia/Yekaterinburg"));
        CallSchedule schedule = calls.schedule(new CallPlan(person, "max", ChatMode.TALK, "Спросить про занятия.", local,
                null, Recurrence.WEEKLY));
        assertThat(schedule.nextAt()).isEqualTo(local.toInstant(ZoneOffset.ofHours(5)));

        clock.advance(Duration.ofMinutes(3));
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(person).stream()
                .anyMatch(m -> m.text().startsWith("📞 Входящий видеозвонок")));
        String url = telegram.messagesTo(person).getLast().webAppUrls().getFirst();
        String token = UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("ring");

        assertThat(calls.redeem(token, person)).get().satisfies(ring -> assertThat(ring.opening()).isEqualTo("Спросить про занятия."));
        assertThat(calls.find(schedule.id()).orElseThrow().nextAt()).isEqualTo(schedule.nextAt().plus(Duration.ofDays(7)));
        assertThat(calls.cancel(schedule.id())).isTrue();
    }
}
