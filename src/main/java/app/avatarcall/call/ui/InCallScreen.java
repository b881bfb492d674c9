package app.avatarcall.call.ui;

import app.avatarcall.avatar.ConnectionQuality;
import app.avatarcall.call.SendResult;
import app.avatarcall.call.VoiceRoute;
import app.avatarcall.conversation.ChatMode;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The call is live: the avatar fills the screen behind a bar with its name, the call timer, the connection and
 * End call, and the chat sits over the bottom (beside the avatar on wide screens).
 */
class InCallScreen extends Div {

    final NativeButton end;
    final ChatPanel chat;
    final Div idleBanner = new Div();
    final Span connection = new Span();
    private final Span idleText = new Span();

    InCallScreen(String avatarName, Duration elapsed, ChatMode mode, Function<String, SendResult> sender,
                 Consumer<ChatMode> onMode, Runnable onEnd, Runnable onStillHere, VoiceRoute voice) {
        addClassNames("screen", "in-call");
        Span name = new Span(avatarName);
        name.addClassName("bar-name");
        connection.addClassName("connection");
        Div status = new Div(connection, new CallTimer(elapsed));
        status.addClassName("bar-status");
        Div who = new Div(name, status);
        who.addClassName("bar-who");
        end = RoundButton.create("end", getTranslation("call.end"), click -> onEnd.run());
        Div bar = new Div(who, end);
        bar.addClassName("call-bar");

        NativeButton stillHere = new NativeButton(getTranslation("call.idle-still-here"), click -> onStillHere.run());
        stillHere.addClassName("pill-button");
        idleBanner.add(idleText, stillHere);
        idleBanner.addClassName("idle-banner");
        idleBanner.getElement().setAttribute("role", "alert");
        idleBanner.setVisible(false);

        chat = new ChatPanel(avatarName, mode, sender, onMode, voice);
        add(bar, idleBanner, chat);
        setConnection(ConnectionQuality.EXCELLENT);
    }

    void setConnection(ConnectionQuality quality) {
        String label = getTranslation("call.connection." + quality);
        connection.getElement().setAttribute("aria-label", label);
        connection.getElement().setAttribute("title", label);
        connection.getElement().setAttribute("data-quality", quality.name().toLowerCase(Locale.ROOT));
    }

    void warnIdle(Duration left) {
        idleText.setText(getTranslation("call.idle-warning", left.toSeconds()));
        idleBanner.setVisible(true);
    }

    void clearIdleWarning() {
        idleBanner.setVisible(false);
    }
}
