package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.call.CallService;
import app.avatarcall.call.LiveCall;
import app.avatarcall.ops.privacy.PrivacySettings;
import app.avatarcall.ops.privacy.Transcripts;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Duration;

/**
 * The calls going on now, kept current by server push (switched on for every UI, this one too, by
 * {@code PushAfterFirstPaint}): on every change of a call, and every sweep of the call service (once a second) for
 * the durations. An operator can read a call's timeline and end it.
 */
@Route(value = "admin/live", layout = AdminLayout.class)
@PageTitle("Avatar Call · Live calls")
@RolesAllowed("ADMIN")
class LiveCallsView extends Div {

    final Grid<LiveCall> grid = new Grid<>();
    final Span empty = new Span();
    final CallTimelineDialog timeline;
    private final CallService calls;
    private final AuditLog audit;
    private final AuthenticationContext authentication;
    private final Clock clock;
    private Runnable unsubscribe = () -> { };

    LiveCallsView(CallService calls, AuditLog audit, AuthenticationContext authentication, Clock clock,
                  Transcripts transcripts, PrivacySettings privacy) {
        this.calls = calls;
        this.audit = audit;
        this.authentication = authentication;
        this.clock = clock;
        this.timeline = new CallTimelineDialog(calls, transcripts, privacy);
        addClassName("admin-page");
        grid.addColumn(this::person).setHeader(getTranslation("admin.live.person")).setAutoWidth(true);
        grid.addColumn(LiveCall::avatarName).setHeader(getTranslation("admin.live.avatar")).setAutoWidth(true);
        grid.addColumn(LiveCall::provider).setHeader(getTranslation("admin.live.provider")).setAutoWidth(true);
        grid.addColumn(call -> getTranslation("admin.live.state." + call.state().name()))
                .setHeader(getTranslation("admin.live.state")).setAutoWidth(true).setKey("state");
        grid.addColumn(call -> Formats.duration(call.duration())).setHeader(getTranslation("admin.live.duration"))
                .setAutoWidth(true).setKey("duration");
        grid.addColumn(call -> getTranslation("admin.live.ago",
                        Formats.duration(Duration.between(call.lastActivity(), clock.instant()))))
                .setHeader(getTranslation("admin.live.last-activity")).setAutoWidth(true);
        grid.addColumn(call -> call.connection() == null ? "–"
                        : getTranslation("admin.live.connection." + call.connection().name()))
                .setHeader(getTranslation("admin.live.connection")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true).setFrozenToEnd(true);
        grid.setMinWidth("56rem"); // on a phone the columns stay readable and the grid scrolls sideways
        grid.setHeight("60vh");
        Div scroller = new Div(grid);
        scroller.getStyle().set("overflow-x", "auto");
        empty.setText(getTranslation("admin.live.none"));
        empty.addClassName("admin-hint");
        add(new H2(getTranslation("admin.live.title")), empty, scroller);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        unsubscribe = calls.onLiveCallsChanged(() -> {
            try {
                ui.access(this::refresh);
            } catch (UIDetachedException closed) {
                // the page went away between the change and now; onDetach stops the listening
            }
        });
        refresh();
    }

    @Override
    protected void onDetach(DetachEvent event) {
        unsubscribe.run();
        unsubscribe = () -> { };
    }

    private void refresh() {
        var live = calls.live();
        grid.setItems(live);
        empty.setVisible(live.isEmpty());
        timeline.refresh();
    }

    private String person(LiveCall call) {
        if (call.telegramId() == null) {
            return getTranslation("admin.live.web-visitor");
        }
        return call.firstName() == null ? "tg:" + call.telegramId() : call.firstName() + " · tg:" + call.telegramId();
    }

    private HorizontalLayout actions(LiveCall call) {
        Button story = new Button(getTranslation("admin.live.timeline"), click -> timeline.show(call));
        story.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        Button end = new Button(getTranslation("admin.live.end"), click -> confirmEnd(call));
        end.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(story, end);
    }

    private void confirmEnd(LiveCall call) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.live.end.title"),
                getTranslation("admin.live.end.text", person(call), call.avatarName()),
                getTranslation("admin.live.end.confirm"), yes -> end(call));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.live.end.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void end(LiveCall call) {
        if (calls.endByOperator(call.id())) {
            audit.record(authentication.getPrincipalName().orElse("?"), "call.ended", call.id().toString());
            Notification.show(getTranslation("admin.live.ended"));
        }
        refresh();
    }
}
