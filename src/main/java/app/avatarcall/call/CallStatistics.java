package app.avatarcall.call;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The call records of a date range, in figures. One plain query that runs on H2 and PostgreSQL alike; percentiles
 * and averages are computed here from the rows, which a range of days keeps few enough for.
 */
@Service
public class CallStatistics {

    /** A date range's calls: the summary, every day of it (days without calls too), and the records themselves. */
    public record Report(CallSummary summary, List<DayFigures> days, List<CallRecord> records) {
    }

    private final CallRecords records;

    CallStatistics(CallRecords records) {
        this.records = records;
    }

    /** The calls that rang from the start of {@code from} to the end of {@code to}, days as in {@code zone}. */
    public Report between(LocalDate from, LocalDate to, ZoneId zone) {
        List<CallRecord> rows = records.rangBetween(from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant());
        Map<LocalDate, DayFigures> days = new LinkedHashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.put(day, DayFigures.empty(day));
        }
        for (CallRecord row : rows) {
            days.computeIfPresent(row.ringingAt().atZone(zone).toLocalDate(), (day, figures) -> figures.plus(row));
        }
        return new Report(summary(rows), List.copyOf(days.values()), rows);
    }

    static CallSummary summary(List<CallRecord> rows) {
        List<CallRecord> live = rows.stream().filter(r -> r.activeAt() != null).toList();
        List<Duration> talk = new ArrayList<>(live.stream().map(CallStatistics::talkTime).sorted().toList());
        int voice = sum(rows, r -> r.figures().voiceMessages());
        int sent = voice + sum(rows, r -> r.figures().textMessages());
        List<CallRecord> prewarmed = rows.stream().filter(r -> r.figures().prewarmed()).toList();
        return new CallSummary(rows.size(), share(rows, r -> r.answeredAt() != null),
                share(rows, r -> r.outcome() == CallState.DECLINED), share(rows, r -> r.outcome() == CallState.MISSED),
                percentile(talk, 50), percentile(talk, 90),
                live.isEmpty() ? null : (double) sum(live, CallRecord::personMessages) / live.size(),
                sent == 0 ? null : (double) voice / sent,
                rows.stream().mapToLong(r -> r.figures().providerMillis()).sum() / 60_000.0,
                weightedTurnLatency(rows), average(rows, r -> r.figures().llmLatencyAvgMs()),
                average(rows, r -> r.figures().sessionOpenMs()),
                share(rows, r -> r.outcome() == CallState.FAILED || r.figures().errors() > 0),
                prewarmed.isEmpty() ? null : share(prewarmed, r -> r.figures().prewarmWasted()));
    }

    static Duration talkTime(CallRecord r) {
        return r.activeAt() == null || r.endedAt() == null ? Duration.ZERO : Duration.between(r.activeAt(), r.endedAt());
    }

    /** Nearest rank: the smallest value that at least {@code p} percent of the values are at or below. */
    static @Nullable Duration percentile(List<Duration> sorted, int p) {
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    /** Every turn counts once, whichever call it was in. */
    private static @Nullable Integer weightedTurnLatency(List<CallRecord> rows) {
        long turns = 0;
        long total = 0;
        for (CallRecord r : rows) {
            Integer avg = r.figures().turnLatencyAvgMs();
            if (avg != null && r.figures().turns() > 0) {
                turns += r.figures().turns();
                total += (long) avg * r.figures().turns();
            }
        }
        return turns == 0 ? null : (int) Math.round((double) total / turns);
    }

    private static @Nullable Integer average(List<CallRecord> rows, java.util.function.Function<CallRecord, @Nullable Integer> figure) {
        List<Integer> values = rows.stream().map(figure).filter(java.util.Objects::nonNull).toList();
        return values.isEmpty() ? null : (int) Math.round(values.stream().mapToInt(Integer::intValue).average().orElse(0));
    }

    private static double share(List<CallRecord> rows, Predicate<CallRecord> which) {
        return rows.isEmpty() ? 0 : (double) rows.stream().filter(which).count() / rows.size();
    }

    private static int sum(List<CallRecord> rows, ToIntFunction<CallRecord> figure) {
        return rows.stream().mapToInt(figure).sum();
    }
}
