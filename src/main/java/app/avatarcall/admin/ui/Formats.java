package app.avatarcall.admin.ui;

import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How the console writes durations, shares and milliseconds: the same way on every screen. */
final class Formats {

    private Formats() {
    }

    /** {@code 4:05}, or {@code 1:02:03} past an hour. */
    static String duration(Duration duration) {
        long seconds = Math.max(0, duration.toSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    static String duration(@Nullable Duration duration, String none) {
        return duration == null ? none : duration(duration);
    }

    /** A share as a whole percentage, {@code 42%}. */
    static String percent(@Nullable Double share, String none) {
        return share == null ? none : Math.round(share * 100) + "%";
    }

    static String millis(@Nullable Integer millis, String none) {
        return millis == null ? none : millis + " ms";
    }

    /** One decimal, with a point whatever the language (as the call screens write numbers). */
    static String decimal(@Nullable Double value, String none) {
        return value == null ? none : String.format(Locale.ROOT, "%.1f", value);
    }
}
