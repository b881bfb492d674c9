package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.ScreenText;
import app.avatarcall.call.VoiceRoute;
import java.util.Locale;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/**
 * The phone rings: who is calling, a pulsing portrait, and Accept / Decline; the operator's logo, words and ringtone
 * where their branding has them.
 */
class IncomingCallScreen extends Div {

    final NativeButton accept;
    final NativeButton decline;
    final Paragraph kind;
    final Image logo = new Image();
    final RingTone ringTone;
    private final Div portrait;
    private final boolean ownTitle;

    /** The language the screen is in when it is not the page's (the console previews either language). */
    private final @Nullable Locale language;

    IncomingCallScreen(AvatarProfile avatar, AvatarProfile.Persona persona, Runnable onAccept, Runnable onDecline,
                       VoiceRoute.Kind voice, Branding branding) {
        this(avatar, persona, onAccept, onDecline, voice, branding, null);
    }

    IncomingCallScreen(AvatarProfile avatar, AvatarProfile.Persona persona, Runnable onAccept, Runnable onDecline,
                       VoiceRoute.Kind voice, Branding branding, @Nullable Locale language) {
        this.language = language;
        addClassNames("screen", "incoming");
        portrait = Portrait.of(avatar, persona, getTranslation("avatar.portrait", persona.name()));
        ownTitle = branding.texts().of(getLocale(), ScreenText.INCOMING_TITLE).isPresent();
        kind = new Paragraph(BrandingStyle.text(this, getLocale(), branding, ScreenText.INCOMING_TITLE));
        kind.addClassName("incoming-kind");
        H1 name = new H1(persona.name());
        name.addClassName("caller-name");
        Span role = new Span(persona.role());
        role.addClassName("caller-role");
        showLogo(branding.hasLogo() ? "branding/logo?v=" + branding.logoVersion() : "");
        Div caller = new Div(logo, kind, portrait, name, role);
        caller.addClassName("caller");

        decline = RoundButton.create("decline", spoken(branding, ScreenText.DECLINE, "incoming.decline"),
                click -> onDecline.run());
        accept = RoundButton.create("accept", spoken(branding, ScreenText.ACCEPT, "incoming.accept"),
                click -> onAccept.run());
        // The microphone is asked for inside this tap, once for the whole call (voice-input.ts).
        accept.getElement().setAttribute("data-voice-prime", voice.name().toLowerCase(Locale.ROOT));
        Div actions = new Div(labelled(decline, BrandingStyle.text(this, getLocale(), branding, ScreenText.DECLINE)),
                labelled(accept, BrandingStyle.text(this, getLocale(), branding, ScreenText.ACCEPT)));
        actions.addClassName("incoming-actions");

        ringTone = new RingTone(getTranslation("incoming.tap-for-sound"), branding.ringtone(), branding.ringVolume());
        add(caller, actions, ringTone);
    }

    @Override
    protected Locale getLocale() {
        return language != null ? language : super.getLocale();
    }

    /** The person is known (a Telegram user): the call is for them, by name, unless the operator gave the title. */
    void addressTo(String firstName) {
        if (!ownTitle) {
            kind.setText(getTranslation("incoming.video-call-for", firstName));
        }
    }

    /** The operator's logo above the caller ({@code src} blank: none). */
    void showLogo(String src) {
        logo.setSrc(src);
        logo.setAlt(getTranslation("branding.logo.alt"));
        logo.addClassName("call-logo");
        // Lazily: an image still loading when Vaadin's client has started would hold back the page's load event.
        logo.getElement().setAttribute("loading", "lazy");
        logo.getElement().setAttribute("decoding", "async");
        logo.setVisible(!src.isEmpty());
    }

    /**
     * A button's spoken name: the built-in one says more than its caption ("Accept call"), but an operator's own
     * caption is what the button is then called, so that it is also the name said and the name voice control hears.
     */
    private String spoken(Branding branding, ScreenText text, String builtInKey) {
        return branding.texts().of(getLocale(), text).orElseGet(() -> getTranslation(builtInKey));
    }

    /** The provider's picture of the avatar replaces the drawn face. */
    void showPreview(String url) {
        Portrait.showPicture(portrait, url);
    }

    private Div labelled(NativeButton button, String captionText) {
        Span caption = new Span(captionText);
        caption.getElement().setAttribute("aria-hidden", "true");
        Div column = new Div(button, caption);
        column.addClassName("action");
        return column;
    }
}
