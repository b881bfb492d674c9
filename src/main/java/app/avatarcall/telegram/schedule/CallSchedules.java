package app.avatarcall.telegram.schedule;

import app.avatarcall.conversation.ChatMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Scheduled calls in the database. */
@Repository
class CallSchedules {

    private final JdbcClient jdbc;

    CallSchedules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CallSchedule s) {
        jdbc.sql("""
                        insert into telegram_call_schedule (id, telegram_user_id, avatar_id, mode, opening, recurrence,
                            local_start, time_zone, next_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.id(), s.telegramUserId(), s.avatarId(), s.mode().name(), s.opening(), s.recurrence().name(),
                        Timestamp.valueOf(s.start()), s.zone().getId(), ts(s.nextAt()), ts(s.createdAt()))
                .update();
    }

    Optional<CallSchedule> find(UUID id) {
        return jdbc.sql("select * from telegram_call_schedule where id = ?").param(id).query(CallSchedules::map).optional();
    }

    List<CallSchedule> ofPerson(long telegramUserId) {
        return jdbc.sql("select * from telegram_call_schedule where telegram_user_id = ? order by created_at desc")
                .param(telegramUserId).query(CallSchedules::map).list();
    }

    List<CallSchedule> upcoming(int limit) {
        return jdbc.sql("""
                        select * from telegram_call_schedule where cancelled_at is null and next_at is not null
                        order by next_at limit ?""")
                .param(limit).query(CallSchedules::map).list();
    }

    void setNext(UUID id, @Nullable Instant next) {
        jdbc.sql("update telegram_call_schedule set next_at = ? where id = ?").params(ts(next), id).update();
    }

    boolean cancel(UUID id, Instant now) {
        return jdbc.sql("update telegram_call_schedule set cancelled_at = ?, next_at = null where id = ? and cancelled_at is null")
                .params(ts(now), id).update() == 1;
    }

    private static CallSchedule map(ResultSet rs, int row) throws SQLException {
        return new CallSchedule(rs.getObject("id", UUID.class), rs.getLong("telegram_user_id"), rs.getString("avatar_id"),
                ChatMode.valueOf(rs.getString("mode")), rs.getString("opening"),
                Recurrence.valueOf(rs.getString("recurrence")), rs.getTimestamp("local_start").toLocalDateTime(),
                ZoneId.of(rs.getString("time_zone")), instant(rs.getTimestamp("next_at")),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("cancelled_at")));
    }

    static @Nullable Timestamp ts(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static @Nullable Instant instant(@Nullable Timestamp ts) {
        return ts == null ? null : ts.toInstant();
    }
}
