package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.KaribuTest;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The microphone of a call, as the server sees it: what its button says and does with what the page reports. */
class VoiceInputTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FakeAvatarProvider provider;

    private static NativeButton button(String accessibleName) {
        return _get(NativeButton.class, spec -> spec.withAttribute("aria-label", accessibleName));
    }

    private static void click(NativeButton button) {
        ButtonKt._click(button);
        roundTrip();
    }

    private CallView inCall() {
        return inCall("");
    }

    private CallView inCall(String route) {
        UI.getCurrent().navigate(route);
        CallView view = _get(CallView.class);
        click(_get(NativeButton.class, spec -> spec.withClasses("round-button--accept")));
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", JSON.createObjectNode().put("type", "ready"));
        BasicUtilsKt._fireDomEvent(view.stage, "stage-event", data);
        roundTrip();
        provider.last().finishSpeaking(); // the greeting
        roundTrip();
        return view;
    }

    private static VoiceInput voice() {
        return _get(VoiceInput.class);
    }

    /** Plays the page's voice-input reporting something. */
    private static void pageReports(String type, ObjectNode detail) {
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", detail);
        BasicUtilsKt._fireDomEvent(voice(), type, data);
        roundTrip();
    }

    private static void state(String state, String problem) {
        ObjectNode detail = JSON.createObjectNode().put("state", state);
        if (problem != null) {
            detail.put("problem", problem);
        }
        pageReports("voice-state", detail);
    }

    private static String micLabel() {
        return voice().button.getElement().getAttribute("aria-label");
    }

    private static String chatError() {
        Span error = _get(ChatPanel.class).error;
        return error.isVisible() ? error.getText() : "";
    }

    private static List<String> lines(String cssClass) {
        return _find(Div.class, spec -> spec.withClasses("chat-line " + cssClass)).stream()
                .map(line -> _get(line, Span.class, spec -> spec.withClasses("chat-text")).getText())
                .toList();
    }

    @Test
    void the_accept_tap_asks_for_the_microphone_and_the_call_has_a_named_round_mic_button_beside_send() {
        UI.getCurrent().navigate("");
        assertThat(button("Accept call").getElement().getAttribute("data-voice-prime")).isEqualTo("browser");

        inCall();

        NativeButton mic = button("Talk by voice");
        assertThat(mic.getClassNames()).contains("round-button", "round-button--mic", "round-button--mic-off");
        assertThat(mic.getElement().getAttribute("title")).isEqualTo("Tap to talk hands-free, or hold while you speak");
        assertThat(voice().getElement().getAttribute("mode")).isEqualTo("browser"); // no server transcriber here
        assertThat(voice().getElement().getAttribute("lang")).isEqualTo("en");
        assertThat(voice().getElement().getAttribute("max-seconds")).isEqualTo("30");
        assertThat(voice().getElement().getParent().getAttribute("class")).isEqualTo("composer");
    }

    @Test
    void the_mic_button_says_what_it_is_doing_and_what_a_tap_does() {
        inCall();

        state("listening", null);
        assertThat(micLabel()).isEqualTo("Listening… tap to stop");
        assertThat(voice().button.getClassNames()).contains("round-button--mic-listening")
                .doesNotContain("round-button--mic-off");
        state("recording", null);
        assertThat(micLabel()).isEqualTo("Hearing you… tap to stop");
        state("working", null);
        assertThat(micLabel()).isEqualTo("Recognising what you said…");
        assertThat(voice().state()).isEqualTo(VoiceInput.State.WORKING);
        state("off", null);
        assertThat(micLabel()).isEqualTo("Talk by voice");
        assertThat(chatError()).isEmpty();
    }

    @Test
    void a_blocked_microphone_explains_how_to_allow_it_and_typing_still_works() {
        inCall();

        state("blocked", "denied");

        assertThat(micLabel()).isEqualTo("Microphone blocked");
        assertThat(voice().button.getClassNames()).contains("round-button--mic-blocked");
        assertThat(chatError()).startsWith("The microphone is blocked. Allow it for this site");
        ChatPanel chat = _get(ChatPanel.class);
        ObjectNode typed = JSON.createObjectNode().put("element.value", "Who are you?")
                .put("event.key === 'Enter' && !event.shiftKey && !event.isComposing", true);
        BasicUtilsKt._fireDomEvent(chat.input, "keydown", typed);
        roundTrip();
        assertThat(lines("chat-line--person")).containsExactly("Who are you?");
    }

    @Test
    void no_microphone_unsupported_browser_and_the_length_limit_each_get_their_own_words() {
        inCall();

        state("off", "no-microphone");
        assertThat(chatError()).startsWith("No microphone was found.");
        state("off", "unsupported");
        assertThat(chatError()).isEqualTo("Voice input does not work in this browser. Please type your message.");
        state("working", "capped");
        assertThat(chatError()).isEqualTo("You can speak for up to 30 s at a time: what you said so far was sent.");
        pageReports("voice-state", JSON.createObjectNode().put("state", "listening").put("problem", "server")
                .put("message", "Speech recognition is busy right now."));
        assertThat(chatError()).isEqualTo("Speech recognition is busy right now.");
        state("recording", null); // speaking again
        assertThat(chatError()).isEmpty();
    }

    @Test
    void what_the_browser_heard_goes_on_like_typed_text_and_leaves_a_draft_alone() {
        inCall();
        ChatPanel chat = _get(ChatPanel.class);
        chat.input.setValue("a draft");

        pageReports("voice-transcript", JSON.createObjectNode().put("text", "Who are you?"));

        assertThat(lines("chat-line--person")).containsExactly("Who are you?");
        assertThat(provider.last().spoken).anySatisfy(said -> assertThat(said).contains("AI avatar"));
        assertThat(chat.input.getValue()).isEqualTo("a draft");
    }

    @Test
    void in_russian_the_microphone_speaks_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        inCall("call/max");

        assertThat(micLabel()).isEqualTo("Говорить голосом");
        state("blocked", "denied");
        assertThat(micLabel()).isEqualTo("Микрофон заблокирован");
        assertThat(chatError()).startsWith("Доступ к микрофону запрещён.");
        assertThat(voice().getElement().getAttribute("lang")).isEqualTo("ru-RU");
    }
}
