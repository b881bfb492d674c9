package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import com.vaadin.flow.component.html.Div;

/** The caller's animated portrait: the demo face in a circle, blinking, inside pulsing rings. */
final class Portrait {

    private Portrait() {
    }

    static Div of(AvatarProfile avatar, AvatarProfile.Persona persona, String label) {
        AvatarStage face = new AvatarStage(report -> { });
        face.setLook(avatar.look());
        face.setLabel(label);
        face.getElement().setAttribute("portrait", true);
        Div pulse = new Div();
        pulse.addClassName("pulse");
        pulse.getElement().setAttribute("aria-hidden", "true");
        Div portrait = new Div(pulse, face);
        portrait.addClassName("portrait");
        return portrait;
    }
}
