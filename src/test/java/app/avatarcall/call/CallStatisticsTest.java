package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.AppTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class CallStatisticsTest {

    @Autowired
    CallStatistics statistics;
    @Autowired
    CallRecords records;
    @Autowired
    JdbcClient jdbc;

    static final Instant MONDAY = Instant.parse("2026-11-23T09:00:00Z");

    /** A call that went live {@code talk} seconds; {@code turns} replies taking {@code latency} ms on average. */
    static CallRecord talked(Instant at, int talk, int messages, int voice, long providerMillis, int turns,
                             int latency, boolean prewarmUsed, int errors) {
        Instant active = at.plusSeconds(3);
        return new CallRecord(UUID.randomUUID(), "max", "en", "fake", at, at.plusSeconds(2), active,
                active.plusSeconds(talk), CallState.ENDED, EndReason.HUNG_UP, messages, messages + 1, "tg:1",
                new CallFigures(providerMillis, voice, messages - voice, turns, latency, latency, 900, 400, true,
                        prewarmUsed, errors));
    }

    static CallRecord unanswered(Instant at, CallState outcome, EndReason reason, long providerMillis) {
        return new CallRecord(UUID.randomUUID(), "max", "en", "fake", at, null, null, at.plusSeconds(10), outcome,
                reason, 0, 0, "web-1", new CallFigures(providerMillis, 0, 0, 0, null, null, null, 500, true, false, 0));
    }

    @BeforeEach
    void known_calls() {
        jdbc.sql("delete from call_record").update();
        records.save(talked(MONDAY, 60, 4, 1, 66_000, 4, 1000, true, 0));
        records.save(talked(MONDAY.plusSeconds(3600), 120, 2, 2, 126_000, 2, 400, true, 1));
        records.save(unanswered(MONDAY.plusSeconds(7200), CallState.DECLINED, EndReason.DECLINED, 9_000));
        records.save(talked(MONDAY.plus(Duration.ofDays(1)), 300, 6, 0, 306_000, 6, 600, true, 0));
        records.save(unanswered(MONDAY.plus(Duration.ofDays(1)), CallState.MISSED, EndReason.MISSED, 30_000));
        records.save(talked(MONDAY.plus(Duration.ofDays(9)), 999, 1, 1, 1, 1, 1, true, 0)); // outside the range
    }

    @Test
    void a_weeks_figures_are_computed_from_its_records_and_every_day_has_a_row() {
        CallStatistics.Report report = statistics.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 29),
                ZoneOffset.UTC);
        CallSummary s = report.summary();

        assertThat(s.calls()).isEqualTo(5);
        assertThat(s.answeredRate()).isEqualTo(0.6);
        assertThat(s.declinedRate()).isEqualTo(0.2);
        assertThat(s.missedRate()).isEqualTo(0.2);
        assertThat(s.durationP50()).isEqualTo(Duration.ofSeconds(120));
        assertThat(s.durationP90()).isEqualTo(Duration.ofSeconds(300));
        assertThat(s.messagesPerCall()).isEqualTo(4.0); // (4 + 2 + 6) / 3 calls that went live
        assertThat(s.voiceShare()).isEqualTo(0.25); // 3 of 12
        assertThat(s.providerMinutes()).isEqualTo((66 + 126 + 9 + 306 + 30) / 60.0);
        assertThat(s.turnLatencyAvgMs()).isEqualTo(700); // (4×1000 + 2×400 + 6×600) / 12 turns
        assertThat(s.llmLatencyAvgMs()).isEqualTo(900);
        assertThat(s.sessionOpenAvgMs()).isEqualTo(440); // (3×400 + 2×500) / 5
        assertThat(s.errorRate()).isEqualTo(0.2);
        assertThat(s.prewarmWasteRate()).isEqualTo(0.4);

        assertThat(report.records()).hasSize(5);
        assertThat(report.days()).hasSize(7).extracting(DayFigures::calls).containsExactly(3, 2, 0, 0, 0, 0, 0);
        DayFigures monday = report.days().getFirst();
        assertThat(monday).isEqualTo(new DayFigures(LocalDate.of(2026, 11, 23), 3, 2, 1, 0, 0, 180, 201_000, 6, 3, 3, 1));
    }

    @Test
    void a_range_without_calls_has_zero_calls_and_no_made_up_times() {
        CallSummary s = statistics.between(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 2), ZoneOffset.UTC).summary();
        assertThat(s.calls()).isZero();
        assertThat(s.durationP50()).isNull();
        assertThat(s.voiceShare()).isNull();
        assertThat(s.turnLatencyAvgMs()).isNull();
        assertThat(s.prewarmWasteRate()).isNull();
        assertThat(s.answeredRate()).isZero();
    }

    @Test
    void the_csv_has_a_header_row_one_row_a_day_and_no_message_text_or_person() {
        CallStatistics.Report report = statistics.between(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 11, 24),
                ZoneOffset.UTC);
        assertThat(CallCsv.days(report.days())).isEqualTo("""
                day,calls,answered,declined,missed,failed,talk_seconds,provider_seconds,person_messages,voice_messages,\
                text_messages,errors\r
                2026-11-23,3,2,1,0,0,180,201.000,6,3,3,1\r
                2026-11-24,2,1,0,1,0,300,336.000,6,0,6,0\r
                """);
        String calls = CallCsv.calls(report.records());
        String[] lines = calls.split("\r\n");
        assertThat(lines).hasSize(6);
        assertThat(lines[0]).startsWith("id,avatar,language,provider,ringing_at,").endsWith(",prewarm_used,errors");
        assertThat(lines[1]).startsWith(report.records().getFirst().id() + ",max,en,fake,2026-11-23T09:00:00Z,")
                .contains(",ENDED,HUNG_UP,60,66.000,4,5,1,3,4,1000,1000,900,400,true,true,0");
        assertThat(calls).doesNotContain("tg:1").doesNotContain("web-1");
    }
}
