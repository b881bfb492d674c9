package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.branding.Branding;
import app.avatarcall.call.VoiceRoute;
import com.vaadin.flow.component.html.Div;

/**
 * The ringing screen exactly as a caller gets it (the real {@link IncomingCallScreen}), at a phone's size, with a
 * branding that need not be saved yet: the console's live preview. It stays quiet and its buttons do nothing.
 */
public class CallPreview extends Div {

    private final AvatarProfile avatar;
    IncomingCallScreen screen;

    public CallPreview(AvatarDirectory avatars) {
        avatar = avatars.defaultAvatar();
        addClassNames("call-view", "call-preview");
        getElement().setAttribute("data-state", "ringing");
        getElement().setAttribute("role", "region");
        getElement().setAttribute("aria-label", getTranslation("branding.preview"));
        screen = render(Branding.DEFAULT, "");
        add(screen);
    }

    /**
     * Shows the ringing screen with {@code draft} applied; {@code logoSrc} is where the logo comes from (an upload
     * not saved yet has no URL of its own), blank for none.
     */
    public void show(Branding draft, String logoSrc) {
        BrandingStyle.apply(this, draft);
        IncomingCallScreen next = render(draft, logoSrc);
        replace(screen, next);
        screen = next;
    }

    private IncomingCallScreen render(Branding draft, String logoSrc) {
        IncomingCallScreen incoming = new IncomingCallScreen(avatar, avatar.persona(getLocale()), () -> { },
                () -> { }, VoiceRoute.Kind.BROWSER, draft);
        incoming.remove(incoming.ringTone); // the console must not ring while an operator edits
        incoming.showLogo(logoSrc);
        // A picture of the screen, not a second call: its buttons are out of the tab order and do nothing.
        incoming.getElement().setAttribute("inert", true);
        return incoming;
    }
}
