package app.avatarcall.ops.privacy;

import app.avatarcall.admin.AuditLog;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The operator's privacy choice, kept in the database so that every instance follows it. Read for every chat line,
 * so it is remembered for {@link #REREAD} (a change made on this instance counts at once; on others within that).
 */
@Service
public class PrivacySettings {

    static final Duration REREAD = Duration.ofMinutes(1);

    private record Read(Instant at, Privacy privacy) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private volatile @Nullable Read read;

    PrivacySettings(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    public Privacy current() {
        Read last = read;
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.at().plus(REREAD))) {
            last = new Read(now, jdbc.sql("select transcripts, retention_days from privacy_setting where id = 1")
                    .query((rs, row) -> new Privacy(rs.getBoolean("transcripts"), rs.getInt("retention_days")))
                    .single());
            read = last;
        }
        return last.privacy();
    }

    /** The operator {@code actor} changed the choice: kept, and audited as {@code privacy.transcripts-changed}. */
    public void change(String actor, Privacy privacy) {
        Privacy before = current();
        Instant now = clock.instant();
        jdbc.sql("""
                        update privacy_setting set transcripts = ?, retention_days = ?, updated_at = ?, updated_by = ?
                        where id = 1""")
                .params(privacy.transcripts(), privacy.retentionDays(), Timestamp.from(now), actor)
                .update();
        read = new Read(now, privacy);
        audit.record(actor, "privacy.transcripts-changed", said(privacy) + " (was " + said(before) + ")");
    }

    private static String said(Privacy privacy) {
        return (privacy.transcripts() ? "transcripts on" : "transcripts off") + ", kept " + privacy.retentionDays()
                + " days";
    }
}
