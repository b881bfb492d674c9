package app.avatarcall.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The call records in the database (H2 or PostgreSQL; the schema is Flyway's). */
@Repository
public class CallRecords {

    private final JdbcClient jdbc;

    CallRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(CallRecord r) {
        jdbc.sql("""
                        insert into call_record (id, avatar_id, language, provider, ringing_at, answered_at, active_at,
                            ended_at, outcome, end_reason, person_messages, avatar_messages, person)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.avatarId(), r.language(), r.provider(), ts(r.ringingAt()), ts(r.answeredAt()),
                        ts(r.activeAt()), ts(r.endedAt()), r.outcome().name(),
                        r.endReason() == null ? null : r.endReason().name(), r.personMessages(), r.avatarMessages(),
                        r.person())
                .update();
    }

    public Optional<CallRecord> find(UUID id) {
        return jdbc.sql("select * from call_record where id = ?").param(id).query(CallRecords::map).optional();
    }

    public List<CallRecord> latest(int limit) {
        return jdbc.sql("select * from call_record order by ringing_at desc limit ?").param(limit)
                .query(CallRecords::map).list();
    }

    private static CallRecord map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String reason = rs.getString("end_reason");
        return new CallRecord(rs.getObject("id", UUID.class), rs.getString("avatar_id"), rs.getString("language"),
                rs.getString("provider"), rs.getTimestamp("ringing_at").toInstant(), instant(rs.getTimestamp("answered_at")),
                instant(rs.getTimestamp("active_at")), instant(rs.getTimestamp("ended_at")),
                CallState.valueOf(rs.getString("outcome")), reason == null ? null : EndReason.valueOf(reason),
                rs.getInt("person_messages"), rs.getInt("avatar_messages"),
                Objects.requireNonNullElse(rs.getString("person"), ""));
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
