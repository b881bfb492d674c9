package app.avatarcall.ops.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AuditLog;
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
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@AppTest
class PersonalDataTest {

    private static final AtomicLong IDS = new AtomicLong(700_000_000L + (System.nanoTime() % 1000) * 1000);

    @Autowired
    PersonalData data;
    @Autowired
    PrivacySettings settings;
    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    AuditLog audit;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void transcriptsOffAgain() {
        settings.change("test", new Privacy(false, 30));
    }

    /** A Telegram user who started the bot, has a daily call scheduled that rang once, and had a call with transcripts. */
    private TelegramId knownPerson(String firstName) {
        TelegramId id = new TelegramId(IDS.incrementAndGet());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into telegram_user (id, first_name, username, language, updated_at) values (?, ?, ?, 'en', ?)")
                .params(id.value(), firstName, firstName.toLowerCase(Locale.ROOT), now).update();
        UUID schedule = UUID.randomUUID();
        jdbc.sql("""
                        insert into telegram_call_schedule (id, telegram_user_id, avatar_id, mode, opening, recurrence,
                            local_start, time_zone, next_at, created_at) values (?, ?, 'max', 'TALK', 'Time for Spanish!',
                            'DAILY', ?, 'Europe/Madrid', ?, ?)""")
                .params(schedule, id.value(), LocalDateTime.of(2026, 11, 26, 9, 0), now, now).update();
        UUID ring = UUID.randomUUID();
        jdbc.sql("insert into telegram_call_ring (id, schedule_id, due_at, telegram_user_id, status) values (?, ?, ?, ?, 'SENT')")
                .params(ring, schedule, now, id.value()).update();
        task("telegram-call", schedule.toString());
        task("telegram-call-missed", ring.toString());
        settings.change("operator", new Privacy(true, 30));
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, id.person(), firstName);
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        calls.setMode(call, ChatMode.REPEAT);
        calls.send(call, "I am " + firstName + " and I like jazz");
        provider.last().finishSpeaking();
        calls.hangUp(call, EndReason.HUNG_UP);
        return id;
    }

    private void task(String name, String instance) {
        jdbc.sql("insert into scheduled_tasks (task_name, task_instance, execution_time, picked, version) values (?, ?, ?, false, 1)")
                .params(name, instance, Timestamp.from(clock.instant())).update();
    }

    private int tasks(String instance) {
        return jdbc.sql("select count(*) from scheduled_tasks where task_instance = ?").param(instance).query(Integer.class).single();
    }

    @Test
    void an_export_holds_the_bot_user_their_scheduled_calls_call_records_and_transcripts() {
        TelegramId id = knownPerson("Lucia");
        JsonNode export = JsonMapper.builder().build().readTree(data.export("operator", id).orElseThrow());

        assertThat(export.get("telegramId").asLong()).isEqualTo(id.value());
        assertThat(export.get("telegramUser").get("first_name").asString()).isEqualTo("Lucia");
        assertThat(export.get("scheduledCalls")).hasSize(1);
        assertThat(export.get("scheduledCalls").get(0).get("opening").asString()).isEqualTo("Time for Spanish!");
        assertThat(export.get("rings")).hasSize(1);
        assertThat(export.get("callRecords")).hasSize(1);
        assertThat(export.get("callRecords").get(0).get("person").asString()).isEqualTo(id.person());
        assertThat(export.get("transcripts").toString()).contains("I am Lucia and I like jazz");
        assertThat(audit.latest(1).getFirst()).satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("privacy.exported");
            assertThat(entry.detail()).startsWith(id.person());
        });
    }

    @Test
    void erasing_a_person_removes_everything_kept_of_them_and_nobody_elses() {
        TelegramId erased = knownPerson("Mateo");
        TelegramId kept = knownPerson("Sofia");
        PersonSummary before = data.summary(erased);
        assertThat(before).isEqualTo(new PersonSummary(erased, true, 1, 1, 1, 3));
        UUID schedule = jdbc.sql("select id from telegram_call_schedule where telegram_user_id = ?").param(erased.value())
                .query(UUID.class).single();

        assertThat(data.erase("operator", erased)).isEqualTo(before);

        assertThat(data.summary(erased).known()).isFalse();
        assertThat(tasks(schedule.toString())).isZero();
        assertThat(jdbc.sql("select count(*) from call_transcript where text like '%Mateo%'").query(Integer.class).single()).isZero();
        assertThat(data.summary(kept)).isEqualTo(new PersonSummary(kept, true, 1, 1, 1, 3));
        assertThat(audit.latest(1).getFirst()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("operator");
            assertThat(entry.action()).isEqualTo("privacy.erased");
            assertThat(entry.detail()).contains(erased.person(), "1 scheduled calls", "3 transcript lines");
        });
    }

    @Test
    void nothing_is_exported_for_somebody_nothing_is_kept_of() {
        TelegramId stranger = new TelegramId(IDS.incrementAndGet());
        assertThat(data.summary(stranger).known()).isFalse();
        assertThat(data.export("operator", stranger)).isEmpty();
    }

    @Test
    void a_telegram_id_is_digits_only() {
        assertThat(TelegramId.parse(" 123456789 ")).contains(new TelegramId(123456789));
        assertThat(TelegramId.parse("12ab")).isEmpty();
        assertThat(TelegramId.parse("-5")).isEmpty();
        assertThat(TelegramId.parse("0")).isEmpty();
        assertThat(TelegramId.parse("")).isEmpty();
        assertThat(TelegramId.parse("1234567890123456")).isEmpty();
    }
}
