package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.branding.Branding;
import app.avatarcall.call.VoiceRoute;
import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The ringing screen exactly as a caller gets it (the real {@link IncomingCallScreen}), at a phone's size, with a
 * branding that need not be saved yet: the console's live preview. It stays quiet and its buttons do nothing.
 */
public class CallPreview extends Div {

    private final AvatarProfile avatar;
    IncomingCallScreen screen;
    @Nullable RingTone ringing;

    public CallPreview(AvatarDirectory avatars) {
        avatar = avatars.defaultAvatar();
        addClassNames("call-view", "call-preview");
        getElement().setAttribute("data-state", "ringing");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("branding.preview"));
        screen = render(Branding.DEFAULT, "", getLocale());
        add(screen);
    }

    /**
     * Shows the ringing screen with {@code draft} applied; {@code logoSrc} is where the logo comes from (an upload
     * not saved yet has no URL of its own), blank for none; {@code language} is the caller's.
     */
    public void show(Branding draft, String logoSrc, Locale language) {
        BrandingStyle.apply(this, draft);
        IncomingCallScreen next = render(draft, logoSrc, language);
        replace(screen, next);
        screen = next;
    }

    /** Plays the draft's ringtone (from the operator's tap, so the browser lets it sound), or stops it. */
    public void listen(boolean on, Branding draft) {
        RingTone playing = ringing;
        if (playing != null) {
            remove(playing);
            ringing = null;
        }
        if (on) {
            ringing = new RingTone("", draft.ringtone(), draft.ringVolume());
            add(ringing);
        }
    }

    private IncomingCallScreen render(Branding draft, String logoSrc, Locale language) {
        IncomingCallScreen incoming = new IncomingCallScreen(avatar, avatar.persona(language), () -> { },
                () -> { }, VoiceRoute.Kind.BROWSER, draft, language);
        incoming.remove(incoming.ringTone); // the console must not ring while an operator edits
        incoming.showLogo(logoSrc);
        // A picture of the screen, not a second call: its buttons are out of the tab order and do nothing.
        incoming.getElement().setAttribute("inert", true);
        return incoming;
    }
}
