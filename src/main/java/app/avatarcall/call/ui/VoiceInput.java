package app.avatarcall.call.ui;

import app.avatarcall.call.VoiceRoute;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import com.vaadin.flow.component.html.NativeButton;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The microphone of a call: the {@code voice-input} web component around a round microphone button. The page hears
 * the person (the way {@link VoiceRoute} says) and reports back; this side shows the button's state and turns
 * what went wrong into words for the person. Browser transcripts come here and go on like typed text.
 */
@Tag("voice-input")
@JsModule("./voice-input.ts")
@NpmPackage(value = "@ricky0123/vad-web", version = "0.0.31")
// Pinned: its WebAssembly is served from META-INF/resources/voice and must match the JavaScript built into the app.
@NpmPackage(value = "onnxruntime-web", version = "1.30.0")
@NpmPackage(value = "@sapphi-red/web-noise-suppressor", version = "0.4.1")
class VoiceInput extends Component {

    enum State { OFF, LISTENING, RECORDING, WORKING, BLOCKED }

    final NativeButton button;
    private State state = State.OFF;

    VoiceInput(VoiceRoute route, Locale locale, Consumer<String> onTranscript, Consumer<String> onProblem) {
        getElement().setAttribute("mode", route.kind().name().toLowerCase(Locale.ROOT));
        getElement().setAttribute("upload", route.uploadPath());
        getElement().setAttribute("lang", locale.toLanguageTag());
        getElement().setAttribute("max-seconds", String.valueOf(route.maxUtterance().toSeconds()));
        // No server click listener: the page starts listening within the tap itself, with no round trip.
        button = RoundButton.create("mic", getTranslation("voice.start"), click -> { });
        getElement().appendChild(button.getElement());
        getElement().addEventListener("voice-state", event -> onState(event.getEventData().get("event.detail"), onProblem))
                .addEventData("event.detail");
        getElement().addEventListener("voice-transcript", event -> {
            String text = event.getEventData().get("event.detail").path("text").asString("");
            if (!text.isBlank()) {
                onTranscript.accept(text);
            }
        }).addEventData("event.detail");
        show(State.OFF);
    }

    State state() {
        return state;
    }

    private void onState(JsonNode detail, Consumer<String> onProblem) {
        try {
            show(State.valueOf(detail.path("state").asString("off").toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            show(State.OFF);
        }
        String problem = detail.path("problem").asString("");
        String message = detail.path("message").asString("");
        if (!message.isBlank()) {
            onProblem.accept(message); // the server's own words, already in the call's language
        } else if (problem.isBlank() && state == State.RECORDING) {
            onProblem.accept(""); // the person speaks again: what went wrong before is over
        } else if (!problem.isBlank()) {
            onProblem.accept(switch (problem) {
                case "denied", "no-microphone", "unsupported", "nothing-heard", "failed" ->
                        getTranslation("voice." + problem);
                case "capped" -> getTranslation("voice.capped",
                        getElement().getAttribute("max-seconds"));
                default -> getTranslation("voice.failed");
            });
        }
    }

    private void show(State next) {
        state = next;
        String label = getTranslation(switch (next) {
            case OFF -> "voice.start";
            case LISTENING -> "voice.listening";
            case RECORDING -> "voice.recording";
            case WORKING -> "voice.working";
            case BLOCKED -> "voice.blocked";
        });
        button.getElement().setAttribute("aria-label", label);
        button.getElement().setAttribute("title", next == State.OFF ? getTranslation("voice.hint") : label);
        for (State each : State.values()) {
            button.setClassName("round-button--mic-" + each.name().toLowerCase(Locale.ROOT), each == next);
        }
    }
}
