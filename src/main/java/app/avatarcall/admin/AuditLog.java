package app.avatarcall.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who changed what, and when: every change made in the admin console, kept in the database. */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 2000;

    /** One change. {@code action} is a stable key ({@code avatar.saved}); {@code detail} says what it was. */
    public record Entry(Instant at, String actor, String action, String detail) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String actor, String action, String detail) {
        String kept = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
        jdbc.sql("insert into audit_event (at, actor, action, detail) values (?, ?, ?, ?)")
                .params(Timestamp.from(clock.instant()), actor, action, kept).update();
    }

    public List<Entry> latest(int limit) {
        return jdbc.sql("select at, actor, action, detail from audit_event order by at desc, id desc limit ?")
                .param(limit)
                .query((rs, row) -> new Entry(rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                        rs.getString("action"), rs.getString("detail")))
                .list();
    }
}
