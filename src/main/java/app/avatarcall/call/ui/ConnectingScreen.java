package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;

/** Accepted, and the avatar is on its way: visible progress, and a way out. */
class ConnectingScreen extends Div {

    final NativeButton cancel;
    final Paragraph detail;

    ConnectingScreen(AvatarProfile avatar, AvatarProfile.Persona persona, Runnable onCancel) {
        addClassNames("screen", "connecting");
        Div progress = new Div();
        progress.addClassName("progress");
        progress.getElement().setAttribute("role", "progressbar");
        progress.getElement().setAttribute("aria-label", getTranslation("connecting.title"));
        H2 title = new H2(getTranslation("connecting.title"));
        detail = new Paragraph(getTranslation("connecting.detail", persona.name()));
        detail.getElement().setAttribute("aria-live", "polite");
        cancel = new NativeButton(getTranslation("connecting.cancel"), click -> onCancel.run());
        cancel.addClassName("pill-button");
        // Real avatars can take tens of seconds to start from far away: after a few seconds, say so (CSS shows it).
        Paragraph slow = new Paragraph(getTranslation("connecting.slow"));
        slow.addClassName("connecting-slow");
        add(Portrait.of(avatar, persona, getTranslation("avatar.portrait", persona.name())), title, detail, progress,
                slow, cancel);
        getElement().setAttribute("aria-busy", "true");
    }

    /** Every line is taken: say so, and that the call tries again by itself. */
    void showLinesBusy(java.time.Duration retryIn) {
        detail.setText(getTranslation("connecting.busy", String.valueOf(retryIn.toSeconds())));
    }
}
