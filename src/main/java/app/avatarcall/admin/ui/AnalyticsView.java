package app.avatarcall.admin.ui;

import app.avatarcall.call.CallCsv;
import app.avatarcall.call.CallStatistics;
import app.avatarcall.call.CallSummary;
import app.avatarcall.call.DayFigures;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** How calls went over a range of days (the last seven by default): rates, times, cost, and each day's figures. */
@Route(value = "admin/analytics", layout = AdminLayout.class)
@PageTitle("Avatar Call · Analytics")
@RolesAllowed("ADMIN")
class AnalyticsView extends Div {

    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Map<String, Span> figures = new LinkedHashMap<>();
    final AdminChart chart = new AdminChart();
    final Grid<DayFigures> days = new Grid<>();
    final Anchor daysCsv;
    final Anchor callsCsv;
    private final CallStatistics statistics;
    private final ZoneId zone = ZoneId.systemDefault();
    CallStatistics.Report report;

    AnalyticsView(CallStatistics statistics, Clock clock) {
        this.statistics = statistics;
        addClassName("admin-page");
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        from.setLabel(getTranslation("admin.analytics.from"));
        to.setLabel(getTranslation("admin.analytics.to"));
        from.setValue(today.minusDays(6));
        to.setValue(today);
        from.addValueChangeListener(change -> refresh());
        to.addValueChangeListener(change -> refresh());
        FlexLayout range = wrapping(from, to);
        FlexLayout cards = wrapping();
        for (String key : List.of("calls", "answered", "declined", "missed", "duration-p50", "duration-p90",
                "messages-per-call", "voice-share", "provider-minutes", "turn-latency", "llm-latency", "session-open",
                "error-rate", "prewarm-waste")) {
            cards.add(card(key));
        }
        DayColumns.addTo(days, this::getTranslation);
        days.setMinWidth("48rem");
        days.setAllRowsVisible(true);
        Div scroller = new Div(days);
        scroller.getStyle().set("overflow-x", "auto");
        daysCsv = csv("admin.analytics.csv-days", "call-days.csv", () -> CallCsv.days(report.days()));
        callsCsv = csv("admin.analytics.csv-calls", "calls.csv", () -> CallCsv.calls(report.records()));
        chart.setWidthFull();
        chart.getStyle().set("display", "block").set("height", "16rem");
        report = statistics.between(from.getValue(), to.getValue(), zone);
        add(new H2(getTranslation("admin.analytics.title")), range, cards, chart, scroller, wrapping(daysCsv, callsCsv));
        show();
    }

    private void refresh() {
        if (from.getValue() == null || to.getValue() == null || from.getValue().isAfter(to.getValue())) {
            return; // half a range, or a backwards one: the figures shown stay until it makes sense
        }
        report = statistics.between(from.getValue(), to.getValue(), zone);
        show();
    }

    private void show() {
        CallSummary s = report.summary();
        String none = "–";
        set("calls", String.valueOf(s.calls()));
        set("answered", Formats.percent(s.answeredRate(), none));
        set("declined", Formats.percent(s.declinedRate(), none));
        set("missed", Formats.percent(s.missedRate(), none));
        set("duration-p50", Formats.duration(s.durationP50(), none));
        set("duration-p90", Formats.duration(s.durationP90(), none));
        set("messages-per-call", Formats.decimal(s.messagesPerCall(), none));
        set("voice-share", Formats.percent(s.voiceShare(), none));
        set("provider-minutes", Formats.decimal(s.providerMinutes(), none));
        set("turn-latency", Formats.millis(s.turnLatencyAvgMs(), none));
        set("llm-latency", Formats.millis(s.llmLatencyAvgMs(), none));
        set("session-open", Formats.millis(s.sessionOpenAvgMs(), none));
        set("error-rate", Formats.percent(s.errorRate(), none));
        set("prewarm-waste", Formats.percent(s.prewarmWasteRate(), none));
        days.setItems(report.days());
        chart.show(report.days(), List.of(getTranslation("admin.analytics.answered"),
                getTranslation("admin.analytics.declined"), getTranslation("admin.analytics.missed"),
                getTranslation("admin.analytics.other")));
    }

    private void set(String key, String text) {
        figures.get(key).setText(text);
    }

    private Div card(String key) {
        Span figure = new Span();
        figure.addClassName("admin-figure");
        figures.put(key, figure);
        Span label = new Span(getTranslation("admin.analytics." + key));
        label.addClassName("admin-hint");
        Div card = new Div(label, new Div(figure));
        card.addClassName("admin-card");
        return card;
    }

    /** A link that downloads what {@code csv} writes for the range shown when it is clicked. */
    private Anchor csv(String key, String fileName, Supplier<String> csv) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(download ->
                new com.vaadin.flow.server.streams.DownloadResponse(
                        new java.io.ByteArrayInputStream(csv.get().getBytes(StandardCharsets.UTF_8)), fileName,
                        "text/csv;charset=utf-8", -1)), getTranslation(key));
        link.getElement().setAttribute("download", true);
        return link;
    }

    private static FlexLayout wrapping(com.vaadin.flow.component.Component... children) {
        FlexLayout layout = new FlexLayout(children);
        layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        layout.getStyle().set("gap", "var(--lumo-space-m)").set("margin-block", "var(--lumo-space-m)");
        return layout;
    }
}
