package app.avatarcall.call;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The analytics figures as CSV (RFC 4180, a header row, UTC times), for a spreadsheet. Figures only: no message
 * text, and not whose call it was.
 */
public final class CallCsv {

    private static final List<String> DAY_HEADER = List.of("day", "calls", "answered", "declined", "missed", "failed",
            "talk_seconds", "provider_seconds", "person_messages", "voice_messages", "text_messages", "errors");
    private static final List<String> CALL_HEADER = List.of("id", "avatar", "language", "provider", "ringing_at",
            "answered_at", "active_at", "ended_at", "outcome", "end_reason", "talk_seconds", "provider_seconds",
            "person_messages", "avatar_messages", "voice_messages", "text_messages", "turns", "turn_latency_median_ms",
            "turn_latency_avg_ms", "llm_latency_avg_ms", "session_open_ms", "prewarmed", "prewarm_used", "errors");

    private CallCsv() {
    }

    public static String days(List<DayFigures> days) {
        return table(DAY_HEADER, days.stream().map(d -> Stream.<@Nullable Object>of(d.day(), d.calls(), d.answered(),
                d.declined(), d.missed(), d.failed(), d.talkSeconds(), seconds(d.providerMillis()), d.personMessages(),
                d.voiceMessages(), d.textMessages(), d.errors())));
    }

    public static String calls(List<CallRecord> records) {
        return table(CALL_HEADER, records.stream().map(r -> {
            CallFigures f = r.figures();
            return Stream.<@Nullable Object>of(r.id(), r.avatarId(), r.language(), r.provider(), r.ringingAt(),
                    r.answeredAt(), r.activeAt(), r.endedAt(), r.outcome(), r.endReason(),
                    CallStatistics.talkTime(r).toSeconds(), seconds(f.providerMillis()), r.personMessages(),
                    r.avatarMessages(), f.voiceMessages(), f.textMessages(), f.turns(), f.turnLatencyMedianMs(),
                    f.turnLatencyAvgMs(), f.llmLatencyAvgMs(), f.sessionOpenMs(), f.prewarmed(), f.prewarmUsed(),
                    f.errors());
        }));
    }

    private static String table(List<String> header, Stream<Stream<@Nullable Object>> rows) {
        return Stream.concat(Stream.of(String.join(",", header)),
                        rows.map(row -> row.map(CallCsv::cell).collect(Collectors.joining(","))))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
    }

    /** Seconds with the milliseconds, as a spreadsheet reads them whatever its locale. */
    private static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).toPlainString();
    }

    private static String cell(@Nullable Object value) {
        String text = value instanceof Instant instant ? instant.toString() : Objects.toString(value, "");
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
