package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;

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

    /** Shows a picture (the provider's preview of a real avatar) in place of the drawn face. */
    static void showPicture(Div portrait, String url) {
        portrait.getChildren().filter(AvatarStage.class::isInstance).findFirst().ifPresent(face -> {
            String name = face.getElement().getAttribute("aria-label");
            Image picture = new Image(url, name == null ? "" : name);
            picture.addClassName("portrait-picture");
            picture.getElement().setAttribute("referrerpolicy", "no-referrer");
            portrait.replace(face, picture);
        });
    }
}
