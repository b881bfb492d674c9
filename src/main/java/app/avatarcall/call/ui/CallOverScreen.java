package app.avatarcall.call.ui;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.ScreenText;
import app.avatarcall.call.CallState;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import java.time.Duration;

/** The call is over (ended, declined, missed or failed): what happened, and what the person can do next. */
class CallOverScreen extends Div {

    final NativeButton again;
    final NativeButton close;
    final Paragraph detail;

    CallOverScreen(AvatarProfile avatar, AvatarProfile.Persona persona, CallState outcome, Duration talkTime,
                   Runnable onCallAgain, Runnable onClose, Branding branding) {
        addClassNames("screen", "call-over", "call-over--" + outcome.name().toLowerCase(java.util.Locale.ROOT));
        H2 title = new H2(outcome == CallState.ENDED ? BrandingStyle.text(this, getLocale(), branding, ScreenText.ENDED)
                : getTranslation("over." + outcome));
        detail = new Paragraph(switch (outcome) {
            case MISSED -> getTranslation("over.missed-from", persona.name());
            case FAILED -> getTranslation("over.failed-detail", persona.name());
            default -> getTranslation("over.duration", format(talkTime));
        });
        detail.addClassName("over-detail");
        String againKey = outcome == CallState.MISSED ? "over.call-back" : "over.call-again";
        again = RoundButton.create("accept", getTranslation(againKey), click -> onCallAgain.run());
        close = new NativeButton(getTranslation("over.close"), click -> onClose.run());
        close.addClassName("pill-button");
        Div againColumn = new Div(again, new Paragraph(getTranslation(againKey)));
        againColumn.addClassName("action");
        againColumn.getChildren().skip(1).findFirst().orElseThrow().getElement().setAttribute("aria-hidden", "true");
        Div actions = new Div(againColumn);
        actions.addClassName("over-actions");
        add(Portrait.of(avatar, persona, getTranslation("avatar.portrait", persona.name())), title, detail, actions, close);
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:09}. */
    static String format(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format("%d:%02d", s / 60, s % 60);
    }
}
