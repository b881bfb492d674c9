package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallEvent;
import app.avatarcall.call.CallService;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.call.VoiceMessages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole call in one page: {@code /} calls the default avatar, {@code /call/{avatar}} a chosen one. The view
 * follows the call's events and swaps its screens; the avatar stage stays in the page under them.
 */
@Route("")
@RouteAlias("call/:avatar")
class CallView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private final AvatarDirectory avatars;
    private final VoiceMessages voice;
    final AvatarStage stage;
    private AvatarProfile avatar;
    @Nullable Call call;
    @Nullable Component screen;
    private Runnable unsubscribe = () -> { };

    CallView(CallService calls, AvatarDirectory avatars, VoiceMessages voice) {
        this.calls = calls;
        this.avatars = avatars;
        this.voice = voice;
        this.avatar = avatars.defaultAvatar();
        addClassName("call-view");
        stage = new AvatarStage(report -> {
            if (call != null) {
                calls.report(call, report);
            }
        });
        stage.addClassName("call-stage");
        add(stage);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The id comes from a URL anybody can type: only a known avatar is taken, anything else rings the default.
        avatar = event.getRouteParameters().get("avatar").flatMap(avatars::find).orElseGet(avatars::defaultAvatar);
        Call current = call;
        if (current != null && current.avatar().equals(avatar)) {
            return; // the same page again: the call goes on
        }
        if (current != null) {
            calls.hangUp(current, EndReason.CANCELLED);
        }
        follow(calls.ring(avatar, event.getUI().getLocale(), person()), event.getUI());
    }

    @Override
    public String getPageTitle() {
        return avatar.persona(getLocale()).name() + " · Avatar Call";
    }

    @Override
    protected void onDetach(DetachEvent event) {
        // The tab closed or the person navigated away: the call must not go on without them.
        Call current = call;
        if (current != null && !current.state().isOver()) {
            calls.hangUp(current, EndReason.TAB_CLOSED);
        }
        unsubscribe.run();
    }

    private void follow(Call next, UI ui) {
        unsubscribe.run();
        call = next;
        stage.setLook(next.avatar().look());
        stage.setLabel(getTranslation("avatar.portrait", next.persona().name()));
        stage.setUnmuteLabel(getTranslation("call.unmute"));
        unsubscribe = next.subscribe(event -> ui.access(() -> on(next, event)));
        ui.getPage().executeJs("document.documentElement.lang = $0;"
                + "const url = new URL($1, document.baseURI);"
                + "window.addEventListener('pagehide', () => navigator.sendBeacon(url), {once: true})",
                next.locale().getLanguage(), calls.hangUpBeaconPath(next));
        show(next.state());
        honourEarlyTap(next, ui);
    }

    /** A tap on the ringing screen that came with the page ({@link RingingShell}), before the app was up. */
    private void honourEarlyTap(Call next, UI ui) {
        ui.getPage().executeJs("const tap = window.earlyTap || '';"
                        + "window.earlyTap = undefined;"
                        + "document.querySelectorAll('.ringing-shell').forEach(shell => shell.remove());"
                        + "return tap;")
                .then(String.class, tap -> {
                    switch (tap) {
                        case "accept" -> calls.accept(next);
                        case "decline" -> calls.decline(next);
                        default -> { }
                    }
                });
    }

    private void on(Call source, CallEvent event) {
        if (source != call) {
            return; // a late event of a call this page has already left
        }
        switch (event) {
            case CallEvent.StateChanged changed -> show(changed.state());
            case CallEvent.AvatarReady ready -> {
                stage.show(ready.stage());
                calls.attachStage(source, stage);
            }
            case CallEvent.PreviewFound preview -> {
                if (screen instanceof IncomingCallScreen incoming) {
                    incoming.showPreview(preview.url());
                }
            }
            case CallEvent.LinesBusy busy -> {
                if (screen instanceof ConnectingScreen connecting) {
                    connecting.showLinesBusy(busy.retryIn());
                }
            }
            case CallEvent.MessageShown shown -> inCall(screen -> screen.chat.show(shown.message()));
            case CallEvent.SpeakingChanged speaking -> stage.getElement().setAttribute("speaking", speaking.speaking());
            case CallEvent.ModeChanged mode -> inCall(screen -> screen.chat.setMode(mode.mode()));
            case CallEvent.ConnectionChanged connection -> inCall(screen -> screen.setConnection(connection.quality()));
            case CallEvent.IdleWarned warned -> inCall(screen -> screen.warnIdle(warned.left()));
            case CallEvent.IdleWarningCleared cleared -> inCall(InCallScreen::clearIdleWarning);
        }
    }

    private void inCall(Consumer<InCallScreen> action) {
        if (screen instanceof InCallScreen inCall) {
            action.accept(inCall);
        }
    }

    private void show(CallState state) {
        Call current = Objects.requireNonNull(call);
        AvatarProfile.Persona persona = current.persona();
        Component next = switch (state) {
            case RINGING -> {
                var incoming = new IncomingCallScreen(current.avatar(), persona, () -> calls.accept(current),
                        () -> calls.decline(current), voice.routeFor(current).kind());
                current.previewImage().ifPresent(incoming::showPreview);
                yield incoming;
            }
            case CONNECTING -> new ConnectingScreen(current.avatar(), persona,
                    () -> calls.hangUp(current, EndReason.CANCELLED));
            case ACTIVE -> new InCallScreen(persona.name(), calls.talkTime(current), current.mode(),
                    text -> calls.send(current, text), mode -> calls.setMode(current, mode),
                    () -> calls.hangUp(current, EndReason.HUNG_UP), () -> calls.stillHere(current),
                    voice.routeFor(current));
            case ENDED, DECLINED, MISSED, FAILED -> {
                // A microphone opened at Accept for a call that never went live is let go too.
                getElement().executeJs("window.voiceInput?.release()");
                yield new CallOverScreen(current.avatar(), persona, state, calls.talkTime(current), this::callAgain,
                        this::close);
            }
        };
        getElement().setAttribute("data-state", state.name().toLowerCase(Locale.ROOT));
        swap(next);
    }

    private void swap(Component next) {
        if (screen != null) {
            remove(screen);
        }
        screen = next;
        add(next);
    }

    /** Who is called: for now the browser session (the Telegram user once the Mini App knows them). */
    private static String person() {
        return "web:" + VaadinSession.getCurrent().getSession().getId();
    }

    /** The person calls the avatar: no ringing, straight to connecting. */
    private void callAgain() {
        Call next = calls.ring(avatar, getLocale(), person());
        follow(next, UI.getCurrent());
        calls.accept(next);
    }

    private void close() {
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.close()"));
        Div note = new Div(new Paragraph(getTranslation("over.closed")));
        note.addClassNames("screen", "closed");
        swap(note);
    }
}
