package app.avatarcall.call;

import java.time.LocalDate;

/** One day of calls (by the day they rang), summed: what the analytics chart and its CSV show per day. */
public record DayFigures(LocalDate day, int calls, int answered, int declined, int missed, int failed,
                         long talkSeconds, long providerMillis, int personMessages, int voiceMessages,
                         int textMessages, int errors) {

    static DayFigures empty(LocalDate day) {
        return new DayFigures(day, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    DayFigures plus(CallRecord r) {
        CallFigures f = r.figures();
        return new DayFigures(day, calls + 1, answered + (r.answeredAt() != null ? 1 : 0),
                declined + (r.outcome() == CallState.DECLINED ? 1 : 0), missed + (r.outcome() == CallState.MISSED ? 1 : 0),
                failed + (r.outcome() == CallState.FAILED ? 1 : 0), talkSeconds + CallStatistics.talkTime(r).toSeconds(),
                providerMillis + f.providerMillis(), personMessages + r.personMessages(),
                voiceMessages + f.voiceMessages(), textMessages + f.textMessages(), errors + f.errors());
    }
}
