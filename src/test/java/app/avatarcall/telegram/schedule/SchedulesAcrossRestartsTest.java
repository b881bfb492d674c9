package app.avatarcall.telegram.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.Application;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Schedules outlive the instance that made them, and several instances on one database ring each call once: whole
 * applications, started and stopped here, on one shared in-memory database.
 */
class SchedulesAcrossRestartsTest {

    /** A database on disk, as a restart finds it (Spring shuts an in-memory one down with the first context). */
    @TempDir
    Path directory;
    private final List<ConfigurableApplicationContext> running = new ArrayList<>();

    private String database() {
        return "jdbc:h2:file:" + directory.resolve("avatar-call")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }

    /** An instance of the app; {@code telegramPort} is where its Bot API is (its own fake, or another instance's). */
    private ConfigurableApplicationContext instance(int port, int telegramPort, boolean polls) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class, TestBeans.class)
                .profiles("test", "fake-telegram")
                .run("--spring.datasource.url=" + database(), "--server.port=" + port,
                        "--telegram.api-url=http://localhost:" + telegramPort, "--telegram.bot-token=" + BotTest.TOKEN,
                        "--telegram.webapp-url=https://call.example.test", "--telegram.poll-timeout=1s",
                        "--telegram.polling=" + polls, "--telegram.schedule.poll-every=100ms",
                        "--telegram.schedule.answer-window=5m"); // arguments: above the test profile's own database
        running.add(context);
        return context;
    }

    private ConfigurableApplicationContext instance() {
        int port = BotTest.OwnPort.freePort();
        return instance(port, port, true);
    }

    @AfterEach
    void stopAll() {
        running.forEach(ConfigurableApplicationContext::close);
    }

    private static long rings(FakeTelegram telegram, long person) {
        return telegram.messagesTo(person).stream().filter(m -> m.text().startsWith(ScheduledCallsTest.RING)).count();
    }

    @Test
    void a_call_scheduled_before_a_restart_rings_after_it_once_at_its_time() {
        long person = 31_001;
        ConfigurableApplicationContext first = instance();
        FakeTelegram firstTelegram = first.getBean(FakeTelegram.class);
        firstTelegram.userSends(person, "Alex", "en", "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> !firstTelegram.messagesTo(person).isEmpty());
        first.getBean(ScheduledCalls.class).schedule(new CallPlan(person, "ava", ChatMode.TALK, "Check in.",
                LocalDateTime.parse("2026-11-25T10:10"), ZoneOffset.UTC, Recurrence.ONCE)); // the test clock: 10:00
        first.close();

        ConfigurableApplicationContext second = instance();
        FakeTelegram telegram = second.getBean(FakeTelegram.class);
        TestClock clock = second.getBean(TestClock.class);
        clock.advance(Duration.ofMinutes(9));
        await().during(Duration.ofMillis(500)).until(() -> rings(telegram, person) == 0);

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(telegram, person) == 1);
        clock.advance(Duration.ofMinutes(1));
        await().during(Duration.ofMillis(500)).until(() -> rings(telegram, person) == 1);
    }

    @Test
    void two_instances_on_one_database_ring_each_call_exactly_once_and_miss_it_once() {
        int port = BotTest.OwnPort.freePort();
        ConfigurableApplicationContext one = instance(port, port, true);
        FakeTelegram telegram = one.getBean(FakeTelegram.class);
        List<Long> people = LongStream.rangeClosed(32_001, 32_008).boxed().toList();
        for (long person : people) {
            telegram.userSends(person, "Alex", "en", "/start");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> people.stream().allMatch(p -> !telegram.messagesTo(p).isEmpty()));
        ScheduledCalls calls = one.getBean(ScheduledCalls.class);
        people.forEach(person -> calls.schedule(new CallPlan(person, "max", ChatMode.REPEAT, "Hello!",
                LocalDateTime.parse("2026-11-25T10:05"), ZoneOffset.UTC, Recurrence.ONCE)));
        ConfigurableApplicationContext two = instance(BotTest.OwnPort.freePort(), port, false); // sends to the same Telegram

        List<TestClock> clocks = List.of(one.getBean(TestClock.class), two.getBean(TestClock.class));
        clocks.forEach(clock -> clock.advance(Duration.ofMinutes(5)));

        await().atMost(Duration.ofSeconds(15)).until(() -> people.stream().allMatch(p -> rings(telegram, p) >= 1));
        await().during(Duration.ofSeconds(1)).until(() -> people.stream().allMatch(p -> rings(telegram, p) == 1));
        JdbcClient db = JdbcClient.create(two.getBean(javax.sql.DataSource.class)); // the same database
        assertThat(db.sql("select count(*) from telegram_call_ring where status = 'RINGING'").query(Integer.class).single())
                .isEqualTo(people.size());

        clocks.forEach(clock -> clock.advance(Duration.ofMinutes(5)));
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.requests("editMessageText").size() >= people.size());
        await().during(Duration.ofSeconds(1)).until(() -> telegram.requests("editMessageText").size() == people.size());
        assertThat(telegram.requests("editMessageText")).extracting(FakeTelegram.Request::chatId)
                .containsExactlyInAnyOrderElementsOf(people);
    }
}
