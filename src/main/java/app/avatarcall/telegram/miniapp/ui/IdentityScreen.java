package app.avatarcall.telegram.miniapp.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import java.util.Optional;

/** The screens about who the person is: a moment while that is checked, and the ones that turn people away. */
public final class IdentityScreen extends Div {

    private IdentityScreen(String kind) {
        addClassNames("screen", "identity", "identity--" + kind);
    }

    /** While the server waits to know who opened the page (when anonymous web users are not let in). */
    public static IdentityScreen checking() {
        IdentityScreen screen = new IdentityScreen("checking");
        Div progress = new Div();
        progress.addClassName("progress");
        progress.getElement().setAttribute("role", "progressbar");
        H2 title = new H2(screen.getTranslation("identity.checking"));
        progress.getElement().setAttribute("aria-label", title.getText());
        screen.add(title, progress);
        screen.getElement().setAttribute("aria-busy", "true");
        return screen;
    }

    /** Opened in Telegram, but what Telegram sent did not check out (forged, tampered with, or too old). */
    public static IdentityScreen notVerified(Optional<String> botLink) {
        return refusal("not-verified", botLink);
    }

    /** Opened outside Telegram where only Telegram users may call. */
    public static IdentityScreen telegramOnly(Optional<String> botLink) {
        return refusal("telegram-only", botLink);
    }

    private static IdentityScreen refusal(String kind, Optional<String> botLink) {
        IdentityScreen screen = new IdentityScreen(kind);
        screen.getElement().setAttribute("role", "alert");
        Div icon = new Div();
        icon.addClassNames("identity-icon");
        icon.getElement().setAttribute("aria-hidden", "true");
        Paragraph detail = new Paragraph(screen.getTranslation("identity." + kind + ".detail"));
        detail.addClassName("identity-detail");
        screen.add(icon, new H2(screen.getTranslation("identity." + kind)), detail);
        botLink.ifPresent(link -> {
            Anchor open = new Anchor(link, screen.getTranslation("identity.open-bot"));
            open.addClassName("pill-button");
            open.getElement().setAttribute("rel", "noopener");
            screen.add(open);
        });
        return screen;
    }
}
