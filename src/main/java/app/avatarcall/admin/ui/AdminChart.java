package app.avatarcall.admin.ui;

import app.avatarcall.call.DayFigures;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.HasStyle;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

/**
 * Calls per day by outcome, drawn by {@code admin-chart} (Chart.js). Only the analytics view uses it, so its script
 * and Chart.js stay out of the call screens' bundle; the element loads Chart.js itself, lazily, on first draw.
 */
@Tag("admin-chart")
@NpmPackage(value = "chart.js", version = "4.6.1")
@JsModule("./admin-chart.ts")
class AdminChart extends Component implements HasSize, HasStyle {

    /** The series as JSON the element reads: labels (days) and one stack of counts per outcome. */
    void show(List<DayFigures> days, List<String> seriesNames) {
        String labels = days.stream().map(day -> '"' + day.day().toString() + '"').collect(Collectors.joining(","));
        String series = String.join(",",
                series(seriesNames.get(0), days, DayFigures::answered),
                series(seriesNames.get(1), days, DayFigures::declined),
                series(seriesNames.get(2), days, DayFigures::missed),
                series(seriesNames.get(3), days, day -> day.calls() - day.answered() - day.declined() - day.missed()));
        getElement().setProperty("data", "{\"labels\":[" + labels + "],\"series\":[" + series + "]}");
    }

    private static String series(String name, List<DayFigures> days, ToIntFunction<DayFigures> value) {
        String values = days.stream().map(day -> String.valueOf(value.applyAsInt(day))).collect(Collectors.joining(","));
        return "{\"name\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"values\":[" + values + "]}";
    }
}
