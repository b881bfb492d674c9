package app.avatarcall.telegram.schedule;

import static app.avatarcall.telegram.schedule.CallSchedules.instant;
import static app.avatarcall.telegram.schedule.CallSchedules.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The rings of scheduled calls: one row per schedule and due time, claimed by whichever instance inserts it first.
 * A ring moves SENDING → RINGING → ANSWERED or MISSED; BLOCKED and FAILED are ends; RETRY is a send Telegram did not
 * take, open to be claimed again.
 */
@Repository
class Rings {

    enum Status { SENDING, RINGING, ANSWERED, MISSED, BLOCKED, FAILED, RETRY }

    /** One ring. */
    record Ring(UUID id, UUID scheduleId, Instant dueAt, long telegramUserId, Status status, @Nullable Integer messageId,
                @Nullable Instant sentAt, @Nullable Instant expiresAt, @Nullable Instant answeredAt) {
    }

    private final JdbcClient jdbc;

    Rings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** This instance takes the ring of this due time; empty when another one has it (or had it) already. */
    Optional<UUID> claim(UUID scheduleId, Instant dueAt, long telegramUserId) {
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into telegram_call_ring (id, schedule_id, due_at, telegram_user_id, status)
                            values (?, ?, ?, ?, 'SENDING')""")
                    .params(id, scheduleId, ts(dueAt), telegramUserId).update();
            return Optional.of(id);
        } catch (DuplicateKeyException taken) {
            int retaken = jdbc.sql("""
                            update telegram_call_ring set status = 'SENDING'
                            where schedule_id = ? and due_at = ? and status = 'RETRY'""")
                    .params(scheduleId, ts(dueAt)).update();
            return retaken == 1 ? jdbc.sql("select id from telegram_call_ring where schedule_id = ? and due_at = ?")
                    .params(scheduleId, ts(dueAt)).query(UUID.class).optional() : Optional.empty();
        }
    }

    /** Telegram took the message. A person quick enough to have answered already stays answered. */
    void ringing(UUID id, int messageId, Instant sentAt, Instant expiresAt) {
        jdbc.sql("""
                        update telegram_call_ring set message_id = ?, sent_at = ?, expires_at = ?,
                        status = case when status = 'SENDING' then 'RINGING' else status end where id = ?""")
                .params(messageId, ts(sentAt), ts(expiresAt), id).update();
    }

    void end(UUID id, Status status) {
        jdbc.sql("update telegram_call_ring set status = ? where id = ?").params(status.name(), id).update();
    }

    /** The person answered in time: true once, for the person the call was for. */
    boolean answer(UUID id, long telegramUserId, Instant now) {
        // SENDING too: the person can tap Answer before Telegram's reply to sendMessage has reached us.
        return jdbc.sql("""
                        update telegram_call_ring set status = 'ANSWERED', answered_at = ?
                        where id = ? and telegram_user_id = ? and status in ('SENDING', 'RINGING')
                        and (expires_at is null or expires_at > ?)""")
                .params(ts(now), id, telegramUserId, ts(now)).update() == 1;
    }

    /** Nobody answered: true once, for whoever turns the ring into a missed call. */
    boolean miss(UUID id) {
        return jdbc.sql("update telegram_call_ring set status = 'MISSED' where id = ? and status = 'RINGING'")
                .param(id).update() == 1;
    }

    /** A missed call's message could not be changed yet: it rings on the books until the next try. */
    void unmiss(UUID id) {
        jdbc.sql("update telegram_call_ring set status = 'RINGING' where id = ? and status = 'MISSED'").param(id).update();
    }

    Optional<Ring> find(UUID id) {
        return jdbc.sql("select * from telegram_call_ring where id = ?").param(id).query(Rings::map).optional();
    }

    List<Ring> ofSchedule(UUID scheduleId) {
        return jdbc.sql("select * from telegram_call_ring where schedule_id = ? order by due_at")
                .param(scheduleId).query(Rings::map).list();
    }

    private static Ring map(ResultSet rs, int row) throws SQLException {
        return new Ring(rs.getObject("id", UUID.class), rs.getObject("schedule_id", UUID.class),
                rs.getTimestamp("due_at").toInstant(), rs.getLong("telegram_user_id"),
                Status.valueOf(rs.getString("status")), rs.getObject("message_id", Integer.class),
                instant(rs.getTimestamp("sent_at")), instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("answered_at")));
    }
}
