package app.avatarcall.admin.ui;

import app.avatarcall.call.DayFigures;
import com.vaadin.flow.component.grid.Grid;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** The per-day table of the analytics view: one row a day, as its CSV has them. */
final class DayColumns {

    private DayColumns() {
    }

    static void addTo(Grid<DayFigures> grid, UnaryOperator<String> translate) {
        column(grid, translate, "day", day -> day.day().toString());
        column(grid, translate, "calls", day -> String.valueOf(day.calls()));
        column(grid, translate, "answered", day -> String.valueOf(day.answered()));
        column(grid, translate, "declined", day -> String.valueOf(day.declined()));
        column(grid, translate, "missed", day -> String.valueOf(day.missed()));
        column(grid, translate, "failed", day -> String.valueOf(day.failed()));
        column(grid, translate, "talk-minutes", day -> minutes(day.talkSeconds() * 1000));
        column(grid, translate, "provider-minutes", day -> minutes(day.providerMillis()));
        column(grid, translate, "voice", day -> String.valueOf(day.voiceMessages()));
        column(grid, translate, "text", day -> String.valueOf(day.textMessages()));
        column(grid, translate, "errors", day -> String.valueOf(day.errors()));
    }

    private static void column(Grid<DayFigures> grid, UnaryOperator<String> translate, String key,
                               Function<DayFigures, String> value) {
        grid.addColumn(value::apply).setHeader(translate.apply("admin.analytics.day." + key)).setKey(key)
                .setAutoWidth(true);
    }

    private static String minutes(long millis) {
        return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(60_000), 1, RoundingMode.HALF_UP).toPlainString();
    }
}
