package app.avatarcall.call;

import java.sql.ResultSet;
import java.sql.SQLException;
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
        CallFigures f = r.figures();
        jdbc.sql("""
                        insert into call_record (id, avatar_id, language, provider, ringing_at, answered_at, active_at,
                            ended_at, outcome, end_reason, person_messages, avatar_messages, person, provider_ms,
                            voice_messages, text_messages, turns, turn_latency_median_ms, turn_latency_avg_ms,
                            llm_latency_avg_ms, session_open_ms, prewarmed, prewarm_used, errors)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.avatarId(), r.language(), r.provider(), ts(r.ringingAt()), ts(r.answeredAt()),
                        ts(r.activeAt()), ts(r.endedAt()), r.outcome().name(),
                        r.endReason() == null ? null : r.endReason().name(), r.personMessages(), r.avatarMessages(),
                        r.person(), f.providerMillis(), f.voiceMessages(), f.textMessages(), f.turns(),
                        f.turnLatencyMedianMs(), f.turnLatencyAvgMs(), f.llmLatencyAvgMs(), f.sessionOpenMs(),
                        f.prewarmed(), f.prewarmUsed(), f.errors())
                .update();
    }

    public Optional<CallRecord> find(UUID id) {
        return jdbc.sql("select * from call_record where id = ?").param(id).query(CallRecords::map).optional();
    }

    /** The calls that rang in {@code [from, to)}, oldest first. */
    public List<CallRecord> rangBetween(Instant from, Instant to) {
        return jdbc.sql("select * from call_record where ringing_at >= ? and ringing_at < ? order by ringing_at")
                .params(ts(from), ts(to)).query(CallRecords::map).list();
    }

    public List<CallRecord> latest(int limit) {
        return jdbc.sql("select * from call_record order by ringing_at desc limit ?").param(limit)
                .query(CallRecords::map).list();
    }

    private static CallRecord map(ResultSet rs, int row) throws SQLException {
        String reason = rs.getString("end_reason");
        return new CallRecord(rs.getObject("id", UUID.class), rs.getString("avatar_id"), rs.getString("language"),
                rs.getString("provider"), rs.getTimestamp("ringing_at").toInstant(), instant(rs.getTimestamp("answered_at")),
                instant(rs.getTimestamp("active_at")), instant(rs.getTimestamp("ended_at")),
                CallState.valueOf(rs.getString("outcome")), reason == null ? null : EndReason.valueOf(reason),
                rs.getInt("person_messages"), rs.getInt("avatar_messages"),
                Objects.requireNonNullElse(rs.getString("person"), ""), figures(rs));
    }

    private static CallFigures figures(ResultSet rs) throws SQLException {
        boolean prewarmed = rs.getBoolean("prewarmed");
        boolean used = rs.getBoolean("prewarm_used");
        @Nullable Boolean prewarmUsed = rs.wasNull() ? null : used;
        return new CallFigures(rs.getLong("provider_ms"), rs.getInt("voice_messages"), rs.getInt("text_messages"),
                rs.getInt("turns"), integer(rs, "turn_latency_median_ms"), integer(rs, "turn_latency_avg_ms"),
                integer(rs, "llm_latency_avg_ms"), integer(rs, "session_open_ms"), prewarmed, prewarmUsed,
                rs.getInt("errors"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
