package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.call.VoiceRoute;
import java.util.Locale;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The phone rings: who is calling, a pulsing portrait, and Accept / Decline. */
class IncomingCallScreen extends Div {

    final NativeButton accept;
    final NativeButton decline;
    final Paragraph kind;
    private final Div portrait;

    IncomingCallScreen(AvatarProfile avatar, AvatarProfile.Persona persona, Runnable onAccept, Runnable onDecline,
                       VoiceRoute.Kind voice) {
        addClassNames("screen", "incoming");
        portrait = Portrait.of(avatar, persona, getTranslation("avatar.portrait", persona.name()));
        kind = new Paragraph(getTranslation("incoming.video-call"));
        kind.addClassName("incoming-kind");
        H1 name = new H1(persona.name());
        name.addClassName("caller-name");
        Span role = new Span(persona.role());
        role.addClassName("caller-role");
        Div caller = new Div(kind, portrait, name, role);
        caller.addClassName("caller");

        decline = RoundButton.create("decline", getTranslation("incoming.decline"), click -> onDecline.run());
        accept = RoundButton.create("accept", getTranslation("incoming.accept"), click -> onAccept.run());
        // The microphone is asked for inside this tap, once for the whole call (voice-input.ts).
        accept.getElement().setAttribute("data-voice-prime", voice.name().toLowerCase(Locale.ROOT));
        Div actions = new Div(labelled(decline, "incoming.decline-label"), labelled(accept, "incoming.accept-label"));
        actions.addClassName("incoming-actions");

        add(caller, actions, new RingTone(getTranslation("incoming.tap-for-sound")));
    }

    /** The person is known (a Telegram user): the call is for them, by name. */
    void addressTo(String firstName) {
        kind.setText(getTranslation("incoming.video-call-for", firstName));
    }

    /** The provider's picture of the avatar replaces the drawn face. */
    void showPreview(String url) {
        Portrait.showPicture(portrait, url);
    }

    private Div labelled(NativeButton button, String captionKey) {
        Span caption = new Span(getTranslation(captionKey));
        caption.getElement().setAttribute("aria-hidden", "true");
        Div column = new Div(button, caption);
        column.addClassName("action");
        return column;
    }
}
