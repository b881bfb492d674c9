package app.avatarcall.telegram.miniapp.ui;

import app.avatarcall.call.CallState;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.function.SerializableConsumer;
import com.vaadin.flow.shared.Registration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * The {@code telegram-bridge} web component. In Telegram it hands the raw {@code initData} to the server
 * ({@link #addLaunchListener}), paints Telegram's theme, loads Telegram's script, and then shows the native buttons
 * and plays the haptics that fit the screen the server says is up ({@link #show}); the native buttons come back as
 * {@link Action}s. Outside Telegram it does nothing and loads nothing.
 */
@Tag("telegram-bridge")
@JsModule("./telegram-bridge.ts")
public class TelegramBridge extends Component {

    /** What a native button asks for; the page's own buttons on the same screen ask for the same. */
    public enum Action {
        ACCEPT(CallState.RINGING), DECLINE(CallState.RINGING), CANCEL(CallState.CONNECTING), END(CallState.ACTIVE);

        private final CallState offeredWhile;

        Action(CallState offeredWhile) {
            this.offeredWhile = offeredWhile;
        }

        /** Whether the screen of a call in this state offers the action (a late tap may come from one that is gone). */
        public boolean fits(CallState state) {
            return state == offeredWhile;
        }
    }

    private static final String LAUNCH_DATA = "event.detail.initData";
    private static final String ACTION_DATA = "event.detail.action";

    public TelegramBridge() {
        getElement().setAttribute("aria-hidden", "true");
    }

    /** The raw {@code initData} the page was opened with: empty outside Telegram (reported only when asked). */
    public Registration addLaunchListener(SerializableConsumer<String> listener) {
        return getElement().addEventListener("telegram-launch", event -> listener.accept(text(event.getEventData(),
                LAUNCH_DATA))).addEventData(LAUNCH_DATA);
    }

    /** A tap on one of Telegram's native buttons (after a confirmation, for Back during a call). */
    public Registration addActionListener(SerializableConsumer<Action> listener) {
        return getElement().addEventListener("telegram-action", event -> {
            String action = text(event.getEventData(), ACTION_DATA).toUpperCase(Locale.ROOT);
            for (Action each : Action.values()) {
                if (each.name().equals(action)) {
                    listener.accept(each);
                }
            }
        }).addEventData(ACTION_DATA);
    }

    /** The page waits for the verdict on who the person is: the bridge reports even outside Telegram. */
    public void requireVerdict() {
        getElement().setAttribute("verdict-required", true);
    }

    /** The call's screen is up: native buttons, haptics and closing behaviour follow. */
    public void show(CallState state) {
        screen(state.name().toLowerCase(Locale.ROOT));
    }

    /** Waiting to know who the person is: no native buttons. */
    public void showChecking() {
        screen("checking");
    }

    /** The person was turned away: no native buttons, an error buzz. */
    public void showRefused() {
        screen("refused");
    }

    /** Closes the Mini App (after the call, when the person asks to); outside Telegram nothing happens. */
    public void close() {
        getElement().callJsFunction("close");
    }

    private void screen(String name) {
        // Labels follow the UI's language, which can change while the phone rings (a Telegram user's own language).
        for (String label : new String[] {"accept", "decline", "cancel", "connecting", "end", "end-confirm"}) {
            getElement().setAttribute(label + "-text", getTranslation("telegram.button." + label));
        }
        getElement().setAttribute("call-state", name);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isString() ? value.asString() : "";
    }
}
