package app.avatarcall.call.ui;

import app.avatarcall.avatar.ConnectionQuality;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import java.util.Locale;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * The {@code avatar-stage} web component: draws the demo face (or, later, a LiveKit video) and speaks. Commands go
 * to it as JavaScript calls; what it reports comes back as one {@code stage-event} DOM event.
 */
@Tag("avatar-stage")
@JsModule("./avatar-stage.ts")
@NpmPackage(value = "livekit-client", version = "2.23.0")
class AvatarStage extends Component implements StageChannel {

    AvatarStage(Consumer<StageReport> reports) {
        getElement().setAttribute("role", "img");
        getElement().addEventListener("stage-event", event -> parse(event.getEventData().get("event.detail"))
                        .ifPresent(reports))
                .addEventData("event.detail");
    }

    void setLabel(String label) {
        getElement().setAttribute("aria-label", label);
    }

    /** Shows the avatar the session describes. */
    void show(StageSetup setup) {
        switch (setup) {
            case StageSetup.DemoFace face -> getElement().callJsFunction("showDemo", face.look(), face.languageTag());
            case StageSetup.LiveKitRoom room ->
                    getElement().callJsFunction("joinRoom", room.url(), room.clientToken(), room.avatarIdentity());
        }
    }

    void setUnmuteLabel(String label) {
        getElement().setAttribute("unmute-label", label);
    }

    void setLook(String look) {
        getElement().setAttribute("look", look);
    }

    @Override
    public void send(StageCommand command) {
        getUI().ifPresent(ui -> ui.access(() -> run(command)));
    }

    private void run(StageCommand command) {
        switch (command) {
            case StageCommand.Speak speak ->
                    getElement().callJsFunction("speak", speak.utteranceId(), speak.text(), speak.languageTag());
            case StageCommand.Interrupt interrupt -> getElement().callJsFunction("interrupt");
            case StageCommand.Publish publish -> getElement().callJsFunction("publish", publish.topic(), publish.payload());
            case StageCommand.ShowEmotion emotion ->
                    getElement().callJsFunction("showEmotion", emotion.emotion().name().toLowerCase(Locale.ROOT));
        }
    }

    static java.util.Optional<StageReport> parse(JsonNode detail) {
        String utterance = text(detail, "utterance");
        StageReport report = switch (text(detail, "type")) {
            case "ready" -> new StageReport.Ready();
            case "speaking-started" -> new StageReport.SpeakingStarted(utterance);
            case "caption" -> new StageReport.CaptionProgressed(utterance, text(detail, "text"));
            case "speaking-ended" -> new StageReport.SpeakingEnded(utterance, detail.path("interrupted").asBoolean(false));
            case "connection" -> new StageReport.ConnectionChanged(quality(text(detail, "quality")));
            case "failed" -> new StageReport.Failed(text(detail, "reason"));
            case "data" -> new StageReport.DataReceived(text(detail, "topic"), text(detail, "payload"));
            case "audible" -> new StageReport.AvatarAudible(detail.path("active").asBoolean(false));
            default -> null;
        };
        return java.util.Optional.ofNullable(report);
    }

    private static String text(JsonNode detail, String field) {
        JsonNode value = detail.path(field);
        return value.isString() ? value.asString() : "";
    }

    private static ConnectionQuality quality(String name) {
        try {
            return ConnectionQuality.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ConnectionQuality.GOOD;
        }
    }
}
