package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.call.CallService;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CallViewTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    CallService calls;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;

    private CallView open(String route) {
        UI.getCurrent().navigate(route);
        return _get(CallView.class);
    }

    private NativeButton button(String accessibleName) {
        return _get(NativeButton.class, spec -> spec.withAttribute("aria-label", accessibleName));
    }

    private static void click(NativeButton button) {
        ButtonKt._click(button);
        roundTrip();
    }

    /** Plays the browser's avatar stage reporting something. */
    private static void stageReports(CallView view, String type, String utterance, String text) {
        ObjectNode detail = JSON.createObjectNode().put("type", type).put("utterance", utterance).put("text", text);
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", detail);
        BasicUtilsKt._fireDomEvent(view.stage, "stage-event", data);
        roundTrip();
    }

    private CallView inCall() {
        CallView view = open("");
        click(button("Accept call"));
        stageReports(view, "ready", "", "");
        return view;
    }

    private static void type(ChatPanel chat, String text) {
        ObjectNode data = JSON.createObjectNode().put("element.value", text)
                .put("event.key === 'Enter' && !event.shiftKey && !event.isComposing", true);
        BasicUtilsKt._fireDomEvent(chat.input, "keydown", data);
        roundTrip();
    }

    private static List<String> lines(String cssClass) {
        return _find(Div.class, spec -> spec.withClasses("chat-line " + cssClass)).stream()
                .map(line -> _get(line, Span.class, spec -> spec.withClasses("chat-text")).getText())
                .toList();
    }

    @Test
    void the_phone_rings_with_the_avatars_name_and_accessible_accept_and_decline() {
        CallView view = open("");

        assertThat(view.screen).isInstanceOf(IncomingCallScreen.class);
        assertThat(_get(H1.class).getText()).isEqualTo("Ava");
        assertThat(button("Accept call").isVisible()).isTrue();
        assertThat(button("Decline call").isVisible()).isTrue();
        assertThat(_find(RingTone.class)).hasSize(1);
    }

    @Test
    void a_russian_browser_gets_the_call_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        CallView view = open("call/max");

        assertThat(view.call.locale().getLanguage()).isEqualTo("ru");
        assertThat(_get(H1.class).getText()).isEqualTo("Макс");
        assertThat(button("Принять звонок")).isNotNull();
        assertThat(button("Отклонить звонок")).isNotNull();
    }

    @Test
    void the_providers_picture_of_the_avatar_shows_while_the_phone_rings() {
        provider.preview = "https://files.example/previews/anna.webp";
        try {
            open("call/max");

            Image picture = _get(Image.class, spec -> spec.withClasses("portrait-picture"));
            assertThat(picture.getSrc()).isEqualTo("https://files.example/previews/anna.webp");
            assertThat(picture.getAlt()).contains("Portrait of Max");
        } finally {
            provider.preview = null;
        }
    }

    @Test
    void a_deep_link_chooses_the_avatar_and_an_unknown_one_rings_the_default() {
        open("call/max");
        assertThat(_get(H1.class).getText()).isEqualTo("Max");

        open("call/%3Cscript%3E");
        assertThat(_get(H1.class).getText()).isEqualTo("Ava");
    }

    @Test
    void accepting_shows_connecting_then_the_avatar_greets_in_the_chat() {
        CallView view = open("");
        click(button("Accept call"));
        assertThat(view.screen).isInstanceOf(ConnectingScreen.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Connecting…");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("connecting-slow")).getText())
                .startsWith("Still connecting…");

        stageReports(view, "ready", "", "");

        assertThat(view.screen).isInstanceOf(InCallScreen.class);
        assertThat(button("End call")).isNotNull();
        assertThat(lines("chat-line--avatar")).containsExactly("");
        stageReports(view, "speaking-started", "u1", "");
        stageReports(view, "caption", "u1", "Hi! I'm Ava,");
        assertThat(lines("chat-line--avatar")).containsExactly("Hi! I'm Ava,");
    }

    @Test
    void connecting_can_be_cancelled() {
        CallView view = open("");
        click(button("Accept call"));

        click(_get(NativeButton.class, spec -> spec.withText("Cancel")));

        assertThat(view.call.state()).isEqualTo(CallState.ENDED);
        assertThat(provider.last().isClosed()).isTrue();
        assertThat(view.screen).isInstanceOf(CallOverScreen.class);
    }

    @Test
    void in_repeat_mode_the_avatar_says_what_was_typed() {
        CallView view = inCall();
        InCallScreen screen = (InCallScreen) view.screen;
        click(screen.chat.modes.get(app.avatarcall.conversation.ChatMode.REPEAT));
        assertThat(screen.chat.modes.get(app.avatarcall.conversation.ChatMode.REPEAT).getElement()
                .getAttribute("aria-pressed")).isEqualTo("true");

        type(screen.chat, "Nice to meet you");

        assertThat(lines("chat-line--person")).containsExactly("Nice to meet you");
        assertThat(provider.last().spoken).last().isEqualTo("Nice to meet you");
        assertThat(screen.chat.input.getValue()).isEmpty();
    }

    @Test
    void the_send_button_sends_what_is_in_the_field() {
        CallView view = inCall();
        InCallScreen screen = (InCallScreen) view.screen;
        ObjectNode data = JSON.createObjectNode()
                .put("element.closest('.composer').querySelector('input').value", "What is Avatar Call?");

        BasicUtilsKt._fireDomEvent(screen.chat.send, "click", data);
        roundTrip();

        assertThat(lines("chat-line--person")).containsExactly("What is Avatar Call?");
        assertThat(provider.last().spoken).anySatisfy(said -> assertThat(said).startsWith("Avatar Call lets you receive"));
    }

    @Test
    void a_talk_reply_streams_into_one_chat_line_as_it_is_spoken_with_its_reaction() {
        CallView view = inCall();
        stageReports(view, "speaking-started", "u1", "");
        stageReports(view, "speaking-ended", "u1", ""); // the greeting is over
        ChatPanel chat = ((InCallScreen) view.screen).chat;

        type(chat, "Tell me a joke");
        assertThat(provider.last().spoken).endsWith("Why did the avatar blush?", "Because it saw the camera's raw footage!");
        assertThat(lines("chat-line--avatar")).hasSize(2).last().isEqualTo("");

        stageReports(view, "speaking-started", "u2", "");
        stageReports(view, "caption", "u2", "Why did the");
        assertThat(lines("chat-line--avatar")).last().isEqualTo("Why did the");
        stageReports(view, "speaking-ended", "u2", "");
        stageReports(view, "speaking-started", "u3", "");
        stageReports(view, "caption", "u3", "Because it saw");
        assertThat(lines("chat-line--avatar")).last().isEqualTo("Why did the avatar blush? Because it saw");
        Div reply = _find(Div.class, spec -> spec.withClasses("chat-line chat-line--avatar")).getLast();
        assertThat(reply.getClassNames()).contains("chat-line--streaming");
        stageReports(view, "speaking-ended", "u3", "");

        assertThat(lines("chat-line--avatar")).hasSize(2).last()
                .isEqualTo("Why did the avatar blush? Because it saw the camera's raw footage!");
        assertThat(reply.getClassNames()).doesNotContain("chat-line--streaming");
        Span reaction = _get(reply, Span.class, spec -> spec.withClasses("chat-reaction"));
        assertThat(reaction.getText()).isEqualTo("😊");
        assertThat(reaction.getElement().getAttribute("aria-label")).isEqualTo("Happy");
    }

    @Test
    void an_empty_message_gets_a_hint_and_a_long_one_a_counter_and_neither_is_lost() {
        CallView view = inCall();
        ChatPanel chat = ((InCallScreen) view.screen).chat;

        type(chat, "   ");
        assertThat(chat.error.getText()).isEqualTo("Type a message first.");

        String tooLong = "a".repeat(1043);
        chat.input.setValue(tooLong);
        type(chat, tooLong);
        assertThat(chat.error.getText()).isEqualTo("Too long: 1043 of 1000 characters. Shorten it a little.");
        assertThat(chat.counter.getText()).isEqualTo("1043 / 1000");
        assertThat(chat.input.getValue()).isEqualTo(tooLong);
        assertThat(lines("chat-line--person")).isEmpty();
    }

    @Test
    void html_in_a_message_is_shown_as_text() {
        CallView view = inCall();
        ChatPanel chat = ((InCallScreen) view.screen).chat;

        type(chat, "<img src=x onerror=alert(1)><b>hi</b>");

        Span text = _get(_find(Div.class, spec -> spec.withClasses("chat-line chat-line--person")).getFirst(), Span.class,
                spec -> spec.withClasses("chat-text"));
        assertThat(text.getText()).isEqualTo("<img src=x onerror=alert(1)><b>hi</b>");
        assertThat(text.getElement().getChildCount()).isEqualTo(1);
        assertThat(text.getElement().getChild(0).isTextNode()).isTrue();
        assertThat(text.getElement().getProperty("innerHTML")).isNull();
    }

    @Test
    void ending_the_call_shows_its_duration_and_call_again_rings_through() {
        CallView view = inCall();
        clock.advance(Duration.ofSeconds(75));

        click(button("End call"));

        assertThat(_get(H2.class).getText()).isEqualTo("Call ended");
        assertThat(((CallOverScreen) view.screen).detail.getText()).isEqualTo("Duration 1:15");
        click(button("Call again"));
        assertThat(view.screen).isInstanceOf(ConnectingScreen.class);
    }

    @Test
    void declining_shows_the_call_was_declined() {
        CallView view = open("");
        click(button("Decline call"));

        assertThat(view.call.state()).isEqualTo(CallState.DECLINED);
        assertThat(_get(H2.class).getText()).isEqualTo("Call declined");
    }

    @Test
    void an_unanswered_call_becomes_a_missed_call_with_call_back() {
        CallView view = open("");
        clock.advance(Duration.ofSeconds(30));
        calls.sweep();
        roundTrip();

        assertThat(_get(H2.class).getText()).isEqualTo("Missed call");
        click(button("Call back"));
        assertThat(view.screen).isInstanceOf(ConnectingScreen.class);
    }

    @Test
    void an_idle_call_warns_and_im_here_keeps_it() {
        CallView view = inCall();
        InCallScreen screen = (InCallScreen) view.screen;
        stageReports(view, "speaking-ended", "u1", "");
        clock.advance(Duration.ofSeconds(155));
        calls.sweep();
        roundTrip();
        assertThat(screen.idleBanner.isVisible()).isTrue();

        click(_get(NativeButton.class, spec -> spec.withText("I’m here")));

        assertThat(screen.idleBanner.isVisible()).isFalse();
        assertThat(view.call.state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void closing_the_tab_ends_the_call() {
        CallView view = inCall();
        var call = Objects.requireNonNull(view.call);

        UI ui = UI.getCurrent();
        ui.getSession().removeUI(ui);

        assertThat(call.endReason()).contains(EndReason.TAB_CLOSED);
        assertThat(provider.last().isClosed()).isTrue();
    }

    @Test
    void all_lines_busy_is_said_while_connecting() {
        provider.busy = true;
        try {
            CallView view = open("call/max");
            click(button("Accept call"));

            assertThat(((ConnectingScreen) view.screen).detail.getText())
                    .isEqualTo("All lines are busy right now. Trying again in 10 s…");
            assertThat(view.call.state()).isEqualTo(CallState.CONNECTING);
        } finally {
            provider.busy = false;
        }
    }

    @Test
    void a_failed_connection_says_so_and_offers_to_call_again() {
        provider.refuse = true;
        try {
            CallView view = open("call/max"); // a new call, whose pre-warm is refused too
            click(button("Accept call"));
            assertThat(view.call.state()).isEqualTo(CallState.FAILED);
            assertThat(_get(H2.class).getText()).isEqualTo("Call failed");
        } finally {
            provider.refuse = false;
        }
    }

}
