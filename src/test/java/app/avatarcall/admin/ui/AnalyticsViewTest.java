package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallService;
import app.avatarcall.call.DayFigures;
import app.avatarcall.call.EndReason;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
class AnalyticsViewTest extends KaribuTest {

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    /** Today's calls only: one answered and talked through for 90 s (a typed and a spoken message), one declined. */
    private void todaysCalls() {
        jdbc.sql("delete from call_record").update();
        Call talked = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());
        calls.accept(talked);
        calls.report(talked, new StageReport.Ready());
        provider.last().finishSpeaking();
        calls.setMode(talked, ChatMode.REPEAT);
        calls.send(talked, "one");
        clock.advance(Duration.ofMillis(500));
        provider.last().finishSpeaking();
        calls.send(talked, "two", true);
        clock.advance(Duration.ofMillis(300));
        provider.last().finishSpeaking();
        clock.advance(Duration.ofMillis(89_200));
        calls.hangUp(talked, EndReason.HUNG_UP);
        calls.decline(calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString()));
    }

    @Test
    void an_operator_reads_the_figures_of_the_days_chosen() {
        todaysCalls();
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/analytics");
        AnalyticsView view = _get(AnalyticsView.class);
        LocalDate today = clock.instant().atZone(ZoneId.systemDefault()).toLocalDate();
        assertThat(view.from.getValue()).isEqualTo(today.minusDays(6)); // the last seven days by default
        assertThat(view.to.getValue()).isEqualTo(today);

        assertThat(view.figures.get("calls").getText()).isEqualTo("2");
        assertThat(view.figures.get("answered").getText()).isEqualTo("50%");
        assertThat(view.figures.get("declined").getText()).isEqualTo("50%");
        assertThat(view.figures.get("missed").getText()).isEqualTo("0%");
        assertThat(view.figures.get("duration-p50").getText()).isEqualTo("1:30");
        assertThat(view.figures.get("messages-per-call").getText()).isEqualTo("2.0");
        assertThat(view.figures.get("voice-share").getText()).isEqualTo("50%");
        assertThat(view.figures.get("turn-latency").getText()).isEqualTo("400 ms");
        assertThat(view.figures.get("prewarm-waste").getText()).isEqualTo("50%");
        assertThat(GridKt._findAll(view.days)).hasSize(7).last()
                .extracting(DayFigures::calls, DayFigures::answered, DayFigures::declined).containsExactly(2, 1, 1);
        assertThat(view.chart.getElement().getProperty("data")).contains("\"labels\":[\"" + today.minusDays(6))
                .contains("{\"name\":\"Answered\",\"values\":[0,0,0,0,0,0,1]}");
        assertThat(view.daysCsv.getHref()).isNotBlank();
        assertThat(view.callsCsv.getHref()).isNotBlank();
    }

    @Test
    void a_range_without_calls_shows_zero_calls_and_no_times() {
        todaysCalls();
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/analytics");
        AnalyticsView view = _get(AnalyticsView.class);
        view.from.setValue(view.to.getValue().minusDays(30));
        view.to.setValue(view.to.getValue().minusDays(10));

        assertThat(view.figures.get("calls").getText()).isEqualTo("0");
        assertThat(view.figures.get("duration-p50").getText()).isEqualTo("–");
        assertThat(GridKt._findAll(view.days)).hasSize(21);
    }

    @Test
    void a_russian_operator_reads_the_analytics_in_russian() {
        signInAsAdmin("operator");
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate("admin/analytics");
        assertThat(_get(AnalyticsView.class).days.getColumnByKey("calls").getHeaderText()).isEqualTo("Звонки");
    }
}
