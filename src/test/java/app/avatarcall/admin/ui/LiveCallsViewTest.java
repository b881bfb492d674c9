package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.ConnectionQuality;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallMoment;
import app.avatarcall.call.CallService;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.call.LiveCall;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.ops.privacy.Privacy;
import app.avatarcall.ops.privacy.PrivacySettings;
import app.avatarcall.ops.privacy.TranscriptLine;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
class LiveCallsViewTest extends KaribuTest {

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;
    @Autowired
    AuditLog audit;
    @Autowired
    PrivacySettings privacy;

    private Call liveCallOf(String person, String firstName) {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, person, firstName);
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking(); // the greeting
        return call;
    }

    private static LiveCallsView view() {
        return _get(LiveCallsView.class);
    }

    private static int row(UUID id) {
        List<LiveCall> rows = GridKt._findAll(view().grid);
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static String cell(UUID id, String column) {
        var grid = view().grid;
        return GridKt._getFormattedRow(grid, row(id)).get(grid.getColumns().indexOf(grid.getColumnByKey(column)));
    }

    private static Button action(UUID id, int which) {
        HorizontalLayout actions = (HorizontalLayout) GridKt._getCellComponent(view().grid, row(id), "actions");
        return (Button) actions.getComponentAt(which);
    }

    @Test
    void somebody_not_signed_in_who_opens_live_calls_or_analytics_gets_the_sign_in_form() {
        UI.getCurrent().navigate("admin/live");
        _assertOne(LoginView.class);
        _assertNone(LiveCallsView.class);
        UI.getCurrent().navigate("admin/analytics");
        _assertNone(AnalyticsView.class);
    }

    @Test
    void an_operator_sees_a_new_call_appear_and_ends_it() {
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/live");
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "tg:4242", "Anna");
        roundTrip();
        assertThat(cell(call.id(), "state")).isEqualTo("Ringing");

        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        roundTrip();
        assertThat(cell(call.id(), "state")).isEqualTo("In call");
        assertThat(GridKt._getFormattedRow(view().grid, row(call.id()))).contains("Anna · tg:4242", "fake");

        clock.advance(Duration.ofSeconds(65));
        calls.sweep(); // the service's one-second tick
        roundTrip();
        assertThat(cell(call.id(), "duration")).isEqualTo("1:05");

        FakeAvatarProvider.Session session = provider.last();
        _click(action(call.id(), 1));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.endReason()).contains(EndReason.ENDED_BY_OPERATOR);
        assertThat(session.closedBecause).isEqualTo("ENDED_BY_OPERATOR");
        assertThat(audit.latest(1)).singleElement().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("operator");
            assertThat(entry.action()).isEqualTo("call.ended");
            assertThat(entry.detail()).isEqualTo(call.id().toString());
        });
        roundTrip();
        assertThat(row(call.id())).isEqualTo(-1);
    }

    @Test
    void a_web_visitor_is_not_named_and_the_timeline_shows_what_happened_but_nothing_that_was_said() {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        calls.setMode(call, ChatMode.REPEAT);
        calls.send(call, "my secret plan");
        provider.last().emit(new AvatarEvent.ConnectionChanged(ConnectionQuality.POOR));
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/live");

        assertThat(GridKt._getFormattedRow(view().grid, row(call.id()))).contains("Web visitor", "Poor");
        _click(action(call.id(), 0));
        List<CallMoment> moments = GridKt._findAll(view().timeline.moments);
        assertThat(moments).extracting(CallMoment::kind).contains(CallMoment.Kind.STATE, CallMoment.Kind.AVATAR_READY,
                CallMoment.Kind.SPEAKING, CallMoment.Kind.MODE, CallMoment.Kind.CONNECTION);
        assertThat(moments).extracting(CallMoment::detail).contains("ACTIVE", "POOR", "REPEAT")
                .noneMatch(detail -> detail.contains("secret"));
        assertThat(view().timeline.lines.isVisible()).as("transcripts are off").isFalse();
        int connection = moments.stream().map(CallMoment::kind).toList().indexOf(CallMoment.Kind.CONNECTION);
        assertThat(GridKt._getFormattedRow(view().timeline.moments, connection)).contains("Connection changed", "Poor");
        calls.hangUp(call, EndReason.HUNG_UP);
    }

    @Test
    void with_transcripts_turned_on_the_timeline_also_shows_what_was_said_as_text() {
        privacy.change("operator", new Privacy(true, 30));
        try {
            Call call = liveCallOf("tg:78", "Vera");
            calls.setMode(call, ChatMode.REPEAT);
            calls.send(call, "<b>hello</b> there");
            signInAsAdmin("operator");
            UI.getCurrent().navigate("admin/live");
            _click(action(call.id(), 0));

            assertThat(view().timeline.lines.isVisible()).isTrue();
            assertThat(GridKt._findAll(view().timeline.lines)).extracting(TranscriptLine::text)
                    .contains("<b>hello</b> there");
            calls.hangUp(call, EndReason.HUNG_UP);
        } finally {
            privacy.change("operator", new Privacy(false, 30));
        }
    }

    @Test
    void a_page_that_was_left_stops_listening_to_the_calls() {
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/live");
        LiveCallsView left = view();
        UI.getCurrent().navigate("admin/audit");
        Call call = liveCallOf("tg:77", "Boris");
        roundTrip();
        assertThat(GridKt._findAll(left.grid)).extracting(LiveCall::id).doesNotContain(call.id());
        calls.hangUp(call, EndReason.HUNG_UP);
    }
}
