package app.avatarcall.ops.privacy;

import app.avatarcall.call.LineSaid;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The calls' transcripts: each complete chat line is stored while the operator wants transcripts (never otherwise,
 * and never audio), read back per call, and forgotten once older than the retention by a nightly job.
 */
@Service
public class Transcripts {

    private static final Logger log = LoggerFactory.getLogger(Transcripts.class);
    /** The column's size; a longer avatar reply keeps its beginning. */
    private static final int MAX_TEXT = 8000;

    private final JdbcClient jdbc;
    private final PrivacySettings settings;
    private final Clock clock;

    Transcripts(JdbcClient jdbc, PrivacySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void said(LineSaid line) {
        if (!settings.current().transcripts()) {
            return;
        }
        String text = line.text().length() > MAX_TEXT ? line.text().substring(0, MAX_TEXT - 1) + "…" : line.text();
        try {
            jdbc.sql("insert into call_transcript (call_id, person, at, who, text) values (?, ?, ?, ?, ?)")
                    .params(line.callId(), line.person(), Timestamp.from(line.at()), line.who().name(), text)
                    .update();
        } catch (DataAccessException e) {
            // The database's message may quote the text, which is never logged; the call goes on without the line.
            log.warn("call {}: a transcript line could not be stored ({})", line.callId(), e.getClass().getSimpleName());
        }
    }

    /** What was said in a call, in order; empty when transcripts were off (or it is forgotten). */
    public List<TranscriptLine> of(UUID callId) {
        return jdbc.sql("select call_id, person, at, who, text from call_transcript where call_id = ? order by id")
                .param(callId)
                .query((rs, row) -> new TranscriptLine(rs.getObject("call_id", UUID.class), rs.getString("person"),
                        rs.getTimestamp("at").toInstant(), rs.getString("who"), rs.getString("text")))
                .list();
    }

    /** Forgets the transcripts older than the retention; returns how many lines went. */
    @Scheduled(cron = "${privacy.retention-cron:0 30 3 * * *}")
    public int forgetOld() {
        Instant before = clock.instant().minus(Duration.ofDays(settings.current().retentionDays()));
        int forgotten = jdbc.sql("delete from call_transcript where at < ?").param(Timestamp.from(before)).update();
        if (forgotten > 0) {
            log.info("forgot {} transcript lines older than {}", forgotten, before);
        }
        return forgotten;
    }
}
