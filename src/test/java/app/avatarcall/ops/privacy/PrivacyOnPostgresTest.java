package app.avatarcall.ops.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallService;
import app.avatarcall.call.EndReason;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestClock;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/** V7 and the privacy SQL on a real PostgreSQL, as in production. Runs when {@code TEST_POSTGRES_URL} is set. */
@AppTest
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_POSTGRES_URL}",
        "spring.datasource.username=${TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${TEST_POSTGRES_PASSWORD:}"})
class PrivacyOnPostgresTest {

    @Autowired
    PersonalData data;
    @Autowired
    PrivacySettings settings;
    @Autowired
    Transcripts transcripts;
    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @Test
    void transcripts_their_retention_and_a_persons_export_and_erasure_work_on_postgresql() {
        TelegramId id = new TelegramId(880_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into telegram_user (id, first_name, updated_at) values (?, 'Ana', ?)").params(id.value(), now).update();
        UUID schedule = UUID.randomUUID();
        jdbc.sql("""
                        insert into telegram_call_schedule (id, telegram_user_id, avatar_id, mode, opening, recurrence,
                            local_start, time_zone, created_at) values (?, ?, 'max', 'TALK', '', 'ONCE', ?, 'UTC', ?)""")
                .params(schedule, id.value(), LocalDateTime.of(2026, 12, 1, 9, 0), now).update();
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) values "
                + "('telegram-call', ?, ?, false, 1)").params(schedule.toString(), now).update();
        settings.change("operator", new Privacy(true, 7));
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, id.person());
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        calls.setMode(call, ChatMode.REPEAT);
        calls.send(call, "hola");
        provider.last().finishSpeaking();
        calls.hangUp(call, EndReason.HUNG_UP);

        assertThat(transcripts.of(call.id())).extracting(TranscriptLine::text).contains("hola");
        assertThat(data.export("operator", id).orElseThrow()).contains("\"first_name\" : \"Ana\"", "hola");
        assertThat(data.erase("operator", id)).isEqualTo(new PersonSummary(id, true, 1, 0, 1, 3));
        assertThat(data.summary(id).known()).isFalse();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(schedule.toString())
                .query(Integer.class).single()).isZero();

        jdbc.sql("insert into call_transcript (call_id, person, at, who, text) values (?, 'tg:1', ?, 'PERSON', 'old')")
                .params(UUID.randomUUID(), now).update();
        clock.advance(Duration.ofDays(8));
        assertThat(transcripts.forgetOld()).isPositive();
        settings.change("operator", new Privacy(false, 30));
    }
}
