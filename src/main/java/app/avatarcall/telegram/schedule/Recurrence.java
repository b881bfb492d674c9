package app.avatarcall.telegram.schedule;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * How often a scheduled call rings: once, or every day or week at the same time on the person's wall clock. Across
 * a daylight-saving change the wall-clock time stays (08:00 is 08:00 in summer and winter); a time that does not
 * exist that night (02:30 when clocks jump from 02:00 to 03:00) rings when it would have, an hour on (03:30); a time
 * that happens twice rings the first time.
 */
public enum Recurrence {
    ONCE(0), DAILY(1), WEEKLY(7);

    private final int days;

    Recurrence(int days) {
        this.days = days;
    }

    /** When a schedule starting at {@code start} (wall clock in {@code zone}) first rings. */
    public static Instant first(LocalDateTime start, ZoneId zone) {
        return ZonedDateTime.of(start, zone).toInstant();
    }

    /** The first ring strictly after {@code after}; none for a call that rings once. */
    public Optional<Instant> next(LocalDateTime start, ZoneId zone, Instant after) {
        if (this == ONCE) {
            return Optional.empty();
        }
        LocalDate date = start.toLocalDate();
        long behind = ChronoUnit.DAYS.between(date, after.atZone(zone).toLocalDate());
        if (behind > 1) {
            date = date.plusDays((behind - 1) / days * days); // jump close; the loop walks the last step or two
        }
        while (true) {
            Instant at = ZonedDateTime.of(date, start.toLocalTime(), zone).toInstant();
            if (at.isAfter(after)) {
                return Optional.of(at);
            }
            date = date.plusDays(days);
        }
    }
}
