package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.base.ui.AvatarDrafts;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.Brandings;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallEvent;
import app.avatarcall.call.CallService;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.call.VoiceMessages;
import app.avatarcall.telegram.MiniAppLinks;
import app.avatarcall.telegram.miniapp.MiniAppSignIn;
import app.avatarcall.telegram.miniapp.ScheduledAnswers;
import app.avatarcall.telegram.miniapp.TelegramUser;
import app.avatarcall.telegram.miniapp.Verdict;
import app.avatarcall.telegram.miniapp.ui.IdentityScreen;
import app.avatarcall.telegram.miniapp.ui.MiniAppSession;
import app.avatarcall.telegram.miniapp.ui.TelegramBridge;
import app.avatarcall.telegram.schedule.ScheduledRing;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.router.RouteAlias;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole call in one page: {@code /} calls the default avatar, {@code /call/{avatar}} a chosen one. The view
 * follows the call's events and swaps its screens; the avatar stage stays in the page under them.
 * <p>
 * Who is called: a Telegram user once the {@code initData} the page sends checks out (their language, name and photo;
 * their link's start parameter may choose the avatar), else an anonymous web user, if those are let in. The first
 * HTML is made before the page can send anything, so an anonymous call rings at once and becomes the Telegram
 * user's when the verdict comes; where anonymous users are turned away, the page waits for the verdict first.
 */
@Route("")
@AnonymousAllowed
@RouteAlias("call/:avatar")
class CallView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    private final CallService calls;
    private final AvatarDirectory avatars;
    private final VoiceMessages voice;
    private final MiniAppSignIn signIn;
    private final ScheduledAnswers scheduled;
    private final Brandings brandings;
    /** The operator's look, read afresh for every call, so that a change applies from the next call on. */
    Branding branding = Branding.DEFAULT;
    /** The ring token of a call the bot placed, from the Answer button's link. */
    private @Nullable String ringToken;
    final AvatarStage stage;
    final TelegramBridge bridge = new TelegramBridge();
    final Image self = new Image();
    private AvatarProfile avatar;
    @Nullable Call call;
    @Nullable Component screen;
    /** The Telegram user the call is for; null for an anonymous web user. */
    @Nullable TelegramUser caller;
    private Runnable unsubscribe = () -> { };

    CallView(CallService calls, AvatarDirectory avatars, VoiceMessages voice, MiniAppSignIn signIn,
             ScheduledAnswers scheduled, Brandings brandings) {
        this.calls = calls;
        this.brandings = brandings;
        this.avatars = avatars;
        this.voice = voice;
        this.signIn = signIn;
        this.scheduled = scheduled;
        this.avatar = avatars.defaultAvatar();
        addClassName("call-view");
        stage = new AvatarStage(report -> {
            if (call != null) {
                calls.report(call, report);
            }
        });
        stage.addClassName("call-stage");
        self.addClassName("self-view");
        self.getElement().setAttribute("referrerpolicy", "no-referrer");
        // Fetched when shown: an image still loading when Vaadin's client has started holds back the page's load
        // event, and Vaadin reloads the page on the pageshow after it.
        self.getElement().setAttribute("loading", "lazy");
        self.setVisible(false);
        bridge.addLaunchListener(this::launched);
        bridge.addActionListener(this::nativeAction);
        add(stage, self, bridge);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        // The id comes from a URL anybody can type: only a known avatar is taken, anything else rings the default;
        // an operator's test call brings a draft token that only their own session can turn into the unsaved avatar.
        @Nullable String id = event.getRouteParameters().get("avatar").orElse(null);
        @Nullable String draft = event.getLocation().getQueryParameters()
                .getSingleParameter(AvatarDrafts.QUERY_PARAMETER).orElse(null);
        avatar = AvatarDrafts.find(VaadinSession.getCurrent(), draft, id)
                .or(() -> Optional.ofNullable(id).flatMap(avatars::find)).orElseGet(avatars::defaultAvatar);
        ringToken = event.getLocation().getQueryParameters().getSingleParameter(MiniAppLinks.RING_QUERY_PARAMETER)
                .orElse(null);
        Call current = call;
        if (current != null && current.avatar().equals(avatar)) {
            return; // the same page again: the call goes on
        }
        if (current != null) {
            calls.hangUp(current, EndReason.CANCELLED);
            unsubscribe.run();
            call = null;
        }
        Optional<TelegramUser> known = MiniAppSession.user(VaadinSession.getCurrent());
        if (known.isPresent()) {
            ringFor(known.get(), event.getUI());
        } else if (signIn.allowsAnonymous()) {
            follow(calls.ring(avatar, event.getUI().getLocale(), person()), event.getUI());
        } else {
            awaitVerdict();
        }
    }

    /** What the {@code initData} the page sent says about who the person is. */
    private void launched(String initData) {
        switch (MiniAppSession.signIn(VaadinSession.getCurrent(), signIn, initData)) {
            case Verdict.Verified verified -> ringFor(verified.user(), UI.getCurrent());
            case Verdict.Outside outside -> {
                if (call == null && !signIn.allowsAnonymous()) {
                    refuse(IdentityScreen.telegramOnly(signIn.botLink()));
                }
            }
            case Verdict.Refused refused -> refuse(IdentityScreen.notVerified(signIn.botLink()));
        }
    }

    /**
     * Rings for a verified Telegram user: in their language, the avatar their link asked for (only a known one),
     * greeting them by name. A call already ringing in that language with that avatar simply becomes theirs (its
     * pre-warmed avatar too); one in another language or with another avatar is rung again, unless already answered.
     */
    private void ringFor(TelegramUser user, UI ui) {
        caller = user;
        Call current = call;
        if (current != null && current.state() != CallState.RINGING) {
            // Answered (or over) before the verdict came: it keeps its language and avatar, and greets them by name.
            calls.identify(current, user.person(), user.firstName());
            showSelf(user);
            return;
        }
        Optional<ScheduledRing> answered = scheduled.answer(user, ringToken);
        ringToken = null; // used up either way
        Locale locale = answered.map(ScheduledRing::language).or(user::locale).orElseGet(ui::getLocale);
        AvatarProfile chosen = answered.map(ScheduledRing::avatarId).or(() -> Optional.ofNullable(user.startParam()))
                .flatMap(avatars::find).orElse(avatar);
        ui.setLocale(locale);
        showSelf(user);
        if (current != null && current.avatar().equals(chosen) && current.locale().equals(locale)) {
            calls.identify(current, user.person(), user.firstName());
            answered.ifPresent(ring -> calls.openWith(current, ring.opening(), ring.mode()));
            if (screen instanceof IncomingCallScreen incoming) {
                incoming.addressTo(user.firstName());
            }
            return;
        }
        if (current != null) {
            calls.hangUp(current, EndReason.CANCELLED);
        }
        avatar = chosen;
        Call next = calls.ring(chosen, locale, user.person(), user.firstName());
        answered.ifPresent(ring -> calls.openWith(next, ring.opening(), ring.mode()));
        follow(next, ui);
    }

    private void showSelf(TelegramUser user) {
        user.photo().ifPresentOrElse(url -> {
            self.setSrc(url);
            self.setAlt(getTranslation("call.self", user.firstName()));
            self.setVisible(true);
        }, () -> self.setVisible(false));
    }

    /** Where anonymous web users are turned away, nothing rings until the person is known. */
    private void awaitVerdict() {
        bridge.requireVerdict();
        bridge.showChecking();
        getElement().setAttribute("data-state", "checking");
        swap(IdentityScreen.checking());
    }

    /** The person may not call: no call rings (one that rang before the verdict came is ended). */
    private void refuse(IdentityScreen page) {
        Call current = call;
        unsubscribe.run();
        call = null;
        caller = null;
        if (current != null && !current.state().isOver()) {
            calls.hangUp(current, EndReason.CANCELLED);
        }
        self.setVisible(false);
        bridge.showRefused();
        getElement().setAttribute("data-state", "refused");
        swap(page);
    }

    /** Telegram's native buttons ask what the page's own buttons on the same screen do. */
    private void nativeAction(TelegramBridge.Action action) {
        Call current = call;
        if (current == null || !action.fits(current.state())) {
            return; // a tap that was meant for a screen that is gone
        }
        switch (action) {
            case ACCEPT -> calls.accept(current);
            case DECLINE -> calls.decline(current);
            case CANCEL -> calls.hangUp(current, EndReason.CANCELLED);
            case END -> calls.hangUp(current, EndReason.HUNG_UP);
        }
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
        branding = brandings.current();
        BrandingStyle.apply(this, branding);
        stage.setLook(next.avatar().look());
        stage.setLabel(getTranslation("avatar.portrait", next.persona().name()));
        stage.setUnmuteLabel(getTranslation("call.unmute"));
        unsubscribe = next.subscribe(event -> ui.access(() -> on(next, event)));
        ui.getPage().setTitle(getPageTitle());
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
                    // The verdict on who the person is may have rung the call again meanwhile: the tap is for that one.
                    Call target = call != null ? call : next;
                    switch (tap) {
                        case "accept" -> calls.accept(target);
                        case "decline" -> calls.decline(target);
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
                        () -> calls.decline(current), voice.routeFor(current).kind(), branding);
                current.previewImage().ifPresent(incoming::showPreview);
                current.firstName().ifPresent(incoming::addressTo);
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
                        this::close, branding);
            }
        };
        getElement().setAttribute("data-state", state.name().toLowerCase(Locale.ROOT));
        bridge.show(state);
        swap(next);
    }

    private void swap(Component next) {
        if (screen != null) {
            remove(screen);
        }
        screen = next;
        add(next);
    }

    /** Who is called when nobody is known: the browser session (see {@link TelegramUser#person()} for the others). */
    private static String person() {
        return "web:" + VaadinSession.getCurrent().getSession().getId();
    }

    /** The person calls the avatar: no ringing, straight to connecting. */
    private void callAgain() {
        TelegramUser known = caller;
        Call next = known == null ? calls.ring(avatar, getLocale(), person())
                : calls.ring(avatar, getLocale(), known.person(), known.firstName());
        follow(next, UI.getCurrent());
        calls.accept(next);
    }

    private void close() {
        bridge.close();
        getUI().ifPresent(ui -> ui.getPage().executeJs("window.close()"));
        Div note = new Div(new Paragraph(getTranslation("over.closed")));
        note.addClassNames("screen", "closed");
        swap(note);
    }
}
