package app.avatarcall.telegram.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Daily and weekly calls keep to the person's wall clock, across daylight-saving changes. */
class RecurrenceTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

    @Test
    void a_daily_call_stays_at_eight_in_the_morning_when_the_clocks_go_forward_and_back() {
        LocalDateTime eight = LocalDateTime.parse("2026-03-28T08:00");
        assertThat(Recurrence.first(eight, BERLIN)).isEqualTo("2026-03-28T07:00:00Z"); // winter, UTC+1

        assertThat(Recurrence.DAILY.next(eight, BERLIN, Instant.parse("2026-03-28T07:00:00Z")))
                .contains(Instant.parse("2026-03-29T06:00:00Z")); // summer from that night, UTC+2
        assertThat(Recurrence.DAILY.next(eight, BERLIN, Instant.parse("2026-10-24T06:00:00Z")))
                .contains(Instant.parse("2026-10-25T07:00:00Z")); // winter again
    }

    @Test
    void a_time_the_clocks_skip_rings_an_hour_on_and_a_time_they_repeat_rings_the_first_time() {
        LocalDateTime halfPastTwo = LocalDateTime.parse("2026-03-27T02:30");
        assertThat(Recurrence.DAILY.next(halfPastTwo, BERLIN, Instant.parse("2026-03-28T01:30:00Z")))
                .contains(Instant.parse("2026-03-29T01:30:00Z")); // 02:30 does not exist: 03:30 CEST
        assertThat(Recurrence.DAILY.next(halfPastTwo, BERLIN, Instant.parse("2026-10-24T00:30:00Z")))
                .contains(Instant.parse("2026-10-25T00:30:00Z")); // 02:30 happens twice: the first, CEST
    }

    @Test
    void a_weekly_call_rings_on_the_same_weekday_and_time_even_after_a_long_break() {
        LocalDateTime monday = LocalDateTime.parse("2026-01-05T19:30"); // a Monday
        Instant monthsLater = Instant.parse("2026-06-10T12:00:00Z"); // a Wednesday

        Instant next = Recurrence.WEEKLY.next(monday, BERLIN, monthsLater).orElseThrow();
        assertThat(next).isEqualTo("2026-06-15T17:30:00Z");
        assertThat(next.atZone(BERLIN).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
    }

    @Test
    void the_next_ring_is_always_after_the_one_that_just_rang() {
        LocalDateTime nine = LocalDateTime.parse("2026-11-25T09:00");
        Instant rang = Recurrence.first(nine, MOSCOW);

        assertThat(Recurrence.DAILY.next(nine, MOSCOW, rang)).contains(rang.plusSeconds(86_400));
        assertThat(Recurrence.WEEKLY.next(nine, MOSCOW, rang)).contains(rang.plusSeconds(7 * 86_400));
        assertThat(Recurrence.ONCE.next(nine, MOSCOW, rang)).isEmpty();
    }
}
