package app.avatarcall.telegram.bot;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code update_id}s already taken, in the shared database: a webhook retry, or the same update reaching a second
 * instance, is handled once. Kept two days (Telegram keeps an update at most one; ids may restart after a quiet week).
 */
@Repository
public class ProcessedUpdates {

    static final Duration KEPT = Duration.ofDays(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    ProcessedUpdates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** True for the first instance to take this update; false for anyone after. */
    boolean take(long updateId) {
        try {
            return jdbc.sql("insert into telegram_update (update_id, received_at) values (?, ?)")
                    .params(updateId, Timestamp.from(clock.instant()))
                    .update() == 1;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    /** Forgets updates older than two days; any instance may run it. */
    public int forgetOld() {
        return jdbc.sql("delete from telegram_update where received_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEPT)))
                .update();
    }
}
