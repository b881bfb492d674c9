package app.avatarcall.ops.privacy;

import app.avatarcall.admin.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * A Telegram user's data, on their request (GDPR): exported as JSON, or erased, each audited. Their data is what the
 * tables keyed by them hold: the bot's user row, the calls the bot places for them and their rings (with their
 * db-scheduler tasks), their call records ({@code person = 'tg:<id>'}) and those calls' transcripts. Plain SQL on
 * those tables, so this depends on no feature's internals.
 */
@Service
public class PersonalData {

    private static final String SCHEDULES = "select id from telegram_call_schedule where telegram_user_id = :id";
    private static final String RINGS = "telegram_user_id = :id or schedule_id in (" + SCHEDULES + ")";
    private static final String TRANSCRIPTS =
            "person = :person or call_id in (select id from call_record where person = :person)";

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    PersonalData(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public PersonSummary summary(TelegramId id) {
        return new PersonSummary(id, count("telegram_user", "id = :id", id) > 0,
                count("telegram_call_schedule", "telegram_user_id = :id", id), count("telegram_call_ring", RINGS, id),
                count("call_record", "person = :person", id), count("call_transcript", TRANSCRIPTS, id));
    }

    /** Everything kept of them, as JSON; empty when nothing is. Audited as {@code privacy.exported} by {@code actor}. */
    public Optional<String> export(String actor, TelegramId id) {
        PersonSummary summary = summary(id);
        if (!summary.known()) {
            return Optional.empty();
        }
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("telegramId", id.value());
        export.put("exportedAt", clock.instant().toString());
        export.put("telegramUser", rows("select * from telegram_user where id = :id", id).stream().findFirst()
                .orElse(null));
        export.put("scheduledCalls", rows("select * from telegram_call_schedule where telegram_user_id = :id"
                + " order by created_at", id));
        export.put("rings", rows("select * from telegram_call_ring where " + RINGS + " order by due_at", id));
        export.put("callRecords", rows("select * from call_record where person = :person order by ringing_at", id));
        export.put("transcripts", rows("select call_id, at, who, text from call_transcript where " + TRANSCRIPTS
                + " order by id", id));
        audit.record(actor, "privacy.exported", summary.toString());
        return Optional.of(json.writerWithDefaultPrettyPrinter().writeValueAsString(export));
    }

    /** Deletes everything kept of them; audited as {@code privacy.erased} by {@code actor}. Returns what went. */
    @Transactional
    public PersonSummary erase(String actor, TelegramId id) {
        PersonSummary summary = summary(id);
        // The scheduler's tasks first: a ring must not fire for a schedule that is gone.
        delete("scheduled_tasks", "task_name = 'telegram-call' and task_instance in (select cast(id as varchar(250)) from"
                + " telegram_call_schedule where telegram_user_id = :id)", id);
        delete("scheduled_tasks", "task_name = 'telegram-call-missed' and task_instance in (select cast(id as"
                + " varchar(250)) from telegram_call_ring where " + RINGS + ")", id);
        delete("telegram_call_ring", RINGS, id);
        delete("telegram_call_schedule", "telegram_user_id = :id", id);
        delete("call_transcript", TRANSCRIPTS, id);
        delete("call_record", "person = :person", id);
        delete("telegram_user", "id = :id", id);
        audit.record(actor, "privacy.erased", summary.toString());
        return summary;
    }

    private int count(String table, String where, TelegramId id) {
        return jdbc.sql("select count(*) from " + table + " where " + where).param("id", id.value())
                .param("person", id.person()).query(Integer.class).single();
    }

    private void delete(String table, String where, TelegramId id) {
        jdbc.sql("delete from " + table + " where " + where).param("id", id.value()).param("person", id.person()).update();
    }

    private List<Map<String, Object>> rows(String sql, TelegramId id) {
        return jdbc.sql(sql).param("id", id.value()).param("person", id.person()).query().listOfRows().stream()
                .map(PersonalData::readable).toList();
    }

    /** Times as ISO-8601 instants and ids as text, whichever database and driver read them. */
    private static Map<String, Object> readable(Map<String, Object> row) {
        Map<String, Object> shown = new LinkedHashMap<>();
        row.forEach((column, value) -> shown.put(column.toLowerCase(java.util.Locale.ROOT), switch (value) {
            case null -> null;
            case Timestamp ts -> ts.toInstant().toString();
            case OffsetDateTime at -> at.toInstant().toString();
            case TemporalAccessor local -> local.toString();
            case UUID uuid -> uuid.toString();
            default -> value;
        }));
        return shown;
    }
}
