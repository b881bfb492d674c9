package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import app.avatarcall.call.Call;
import app.avatarcall.call.CallState;
import app.avatarcall.call.EndReason;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.telegram.miniapp.ScheduledAnswers;
import app.avatarcall.telegram.miniapp.SignedInitData;
import app.avatarcall.telegram.miniapp.TelegramUser;
import app.avatarcall.telegram.miniapp.ui.IdentityScreen;
import app.avatarcall.telegram.schedule.ScheduledRing;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.router.QueryParameters;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The call page opened in Telegram: the bridge hands over the raw initData (signed here, at test time, with a test
 * bot token), and the call becomes the verified person's: their language, their name, their photo, their avatar.
 */
@TestPropertySource(properties = {"telegram.bot-token=" + SignedInitData.BOT_TOKEN,
        // the token turns the bot on too: it must not reach the real Telegram from a test
        "telegram.webapp-url=https://call.example.test/", "telegram.polling=false", "telegram.retries=0",
        "telegram.api-url=http://localhost:9",
        "telegram.bot-username=avatar_call_bot"})
class CallViewInTelegramTest extends KaribuTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;
    @MockitoBean
    ScheduledAnswers scheduledAnswers;

    private CallView open(String route) {
        UI.getCurrent().navigate(route);
        return _get(CallView.class);
    }

    private SignedInitData anya() {
        return SignedInitData.forUser(279058397, "Аня", "ru", clock.instant().getEpochSecond());
    }

    private static void launch(CallView view, String initData) {
        ObjectNode data = JSON.createObjectNode().put("event.detail.initData", initData);
        BasicUtilsKt._fireDomEvent(view.bridge, "telegram-launch", data);
        roundTrip();
    }

    private static void nativeButton(CallView view, String action) {
        BasicUtilsKt._fireDomEvent(view.bridge, "telegram-action", JSON.createObjectNode().put("event.detail.action", action));
        roundTrip();
    }

    private static NativeButton button(String accessibleName) {
        return _get(NativeButton.class, spec -> spec.withAttribute("aria-label", accessibleName));
    }

    private static void stageReady(CallView view) {
        ObjectNode detail = JSON.createObjectNode().put("type", "ready");
        ObjectNode data = JSON.createObjectNode();
        data.set("event.detail", detail);
        BasicUtilsKt._fireDomEvent(view.stage, "stage-event", data);
        roundTrip();
    }

    @Test
    void a_verified_russian_user_gets_the_call_in_russian_and_the_avatar_greets_her_by_name() {
        CallView view = open("");
        Call anonymous = Objects.requireNonNull(view.call);
        assertThat(_get(H1.class).getText()).isEqualTo("Ava");

        launch(view, anya().toQuery());

        assertThat(_get(H1.class).getText()).isEqualTo("Ава");
        assertThat(((IncomingCallScreen) view.screen).kind.getText()).isEqualTo("Аня, вам видеозвонок…");
        assertThat(view.bridge.getElement().getAttribute("accept-text")).isEqualTo("Принять");
        assertThat(anonymous.endReason()).contains(EndReason.CANCELLED); // rung again in her language
        assertThat(provider.opened.getFirst().isClosed()).isTrue();

        ButtonKt._click(button("Принять звонок"));
        roundTrip();
        stageReady(view);

        assertThat(view.call.state()).isEqualTo(CallState.ACTIVE);
        assertThat(provider.last().spoken.getFirst()).startsWith("Привет, Аня! Я Ава");
        assertThat(provider.last().spec.language().getLanguage()).isEqualTo("ru");
    }

    @Test
    void the_answer_button_of_a_call_the_bot_placed_rings_its_avatar_which_opens_with_its_script() {
        TelegramUser[] asked = new TelegramUser[1];
        when(scheduledAnswers.answer(any(), eq("ring-token-1"))).thenAnswer(invocation -> {
            asked[0] = invocation.getArgument(0);
            return Optional.of(new ScheduledRing(UUID.randomUUID(), UUID.randomUUID(), 279058397, "max",
                    Locale.ENGLISH, ChatMode.REPEAT, "Your appointment is tomorrow at ten."));
        });
        UI.getCurrent().navigate("call/ava", QueryParameters.of("ring", "ring-token-1"));
        CallView view = _get(CallView.class);

        launch(view, anya().toQuery());

        assertThat(asked[0].id()).isEqualTo(279058397); // only the verified person may answer it
        assertThat(view.call.avatar().id()).isEqualTo("max");
        assertThat(view.call.mode()).isEqualTo(ChatMode.REPEAT);
        ButtonKt._click(button("Accept call"));
        roundTrip();
        stageReady(view);
        assertThat(provider.last().spoken.getFirst()).isEqualTo("Your appointment is tomorrow at ten.");
    }

    @Test
    void a_user_in_the_pages_language_keeps_the_call_that_rang_with_its_prewarmed_avatar() {
        CallView view = open("");
        Call rang = Objects.requireNonNull(view.call);
        int sessions = provider.opened.size();

        launch(view, SignedInitData.forUser(42, "Bob", "en", clock.instant().getEpochSecond()).toQuery());

        assertThat(view.call).isSameAs(rang);
        assertThat(provider.opened).hasSize(sessions);
        assertThat(((IncomingCallScreen) view.screen).kind.getText()).isEqualTo("Bob, you have a video call…");
        ButtonKt._click(button("Accept call"));
        roundTrip();
        stageReady(view);
        assertThat(provider.last().spoken.getFirst()).startsWith("Hi, Bob! I'm Ava");
    }

    @Test
    void a_forged_init_data_gets_a_clear_refusal_and_no_call() {
        CallView view = open("");
        Call rang = Objects.requireNonNull(view.call);

        launch(view, anya().toQuery().replace("279058397", "1"));

        assertThat(view.screen).isInstanceOf(IdentityScreen.class);
        assertThat(_get(H2.class).getText()).isEqualTo("We couldn’t verify you");
        assertThat(_find(NativeButton.class, spec -> spec.withAttribute("aria-label", "Accept call"))).isEmpty();
        assertThat(view.call).isNull();
        assertThat(rang.state()).isEqualTo(CallState.ENDED);
        assertThat(provider.last().isClosed()).isTrue();
        assertThat(view.bridge.getElement().getAttribute("call-state")).isEqualTo("refused");
    }

    @Test
    void an_init_data_older_than_the_window_is_refused_as_a_replay() {
        CallView view = open("");
        String launchedLongAgo = SignedInitData.forUser(279058397, "Аня", "ru",
                clock.instant().minus(Duration.ofHours(2)).getEpochSecond()).toQuery();

        launch(view, launchedLongAgo);

        assertThat(view.screen).isInstanceOf(IdentityScreen.class);
        assertThat(view.call).isNull();
    }

    @Test
    void the_links_start_parameter_chooses_a_known_avatar_and_junk_rings_the_default() {
        CallView view = open("");
        launch(view, anya().with("start_param", "max").toQuery());
        assertThat(_get(H1.class).getText()).isEqualTo("Макс");

        CallView other = open("call/max");
        launch(other, SignedInitData.forUser(7, "Eve", "en", clock.instant().getEpochSecond())
                .with("start_param", "<script>alert(1)</script>").toQuery());
        assertThat(_get(H1.class).getText()).isEqualTo("Max"); // the page's own avatar, not the junk
        assertThat(Objects.requireNonNull(other.call).avatar().id()).isEqualTo("max");
    }

    @Test
    void their_telegram_photo_is_their_picture_in_the_call_but_only_from_t_me() {
        CallView view = open("");
        launch(view, anya().toQuery());
        assertThat(view.self.isVisible()).isTrue();
        assertThat(view.self.getSrc()).isEqualTo("https://t.me/i/userpic/320/ann.svg");
        assertThat(view.self.getAlt()).contains("Вы (Аня)");

        CallView other = open("call/max");
        launch(other, new SignedInitData().with("user", "{\"id\":5,\"first_name\":\"Mallory\",\"language_code\":\"en\","
                + "\"photo_url\":\"https://t.me.evil.example/x.svg\"}")
                .with("auth_date", String.valueOf(clock.instant().getEpochSecond())).toQuery());
        assertThat(other.self.isVisible()).isFalse();
    }

    @Test
    void telegrams_native_buttons_answer_and_end_the_call_and_never_do_what_the_screen_does_not_offer() {
        CallView view = open("");
        launch(view, anya().toQuery());
        Call call = Objects.requireNonNull(view.call);

        nativeButton(view, "end"); // no End call while it rings
        assertThat(call.state()).isEqualTo(CallState.RINGING);
        nativeButton(view, "accept");
        assertThat(view.bridge.getElement().getAttribute("call-state")).isEqualTo("connecting");
        stageReady(view);
        nativeButton(view, "decline"); // no Decline in a live call
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
        nativeButton(view, "end");

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.endReason()).contains(EndReason.HUNG_UP);
        assertThat(view.bridge.getElement().getAttribute("call-state")).isEqualTo("ended");
    }

    @Test
    void a_reload_rings_for_the_known_person_at_once_even_once_their_launch_is_older_than_the_window() {
        CallView view = open("");
        String launched = anya().toQuery();
        launch(view, launched);
        clock.advance(Duration.ofHours(2));

        CallView reloaded = open("call/max");

        assertThat(((IncomingCallScreen) reloaded.screen).kind.getText()).isEqualTo("Аня, вам видеозвонок…");
        assertThat(_get(H1.class).getText()).isEqualTo("Макс");
        launch(reloaded, launched); // the same launch, sent again from session storage
        assertThat(reloaded.screen).isInstanceOf(IncomingCallScreen.class);
    }

    @Test
    void outside_telegram_the_anonymous_call_rings_at_once_and_nothing_is_asked_of_the_page() {
        CallView view = open("");

        assertThat(view.call).isNotNull();
        assertThat(view.caller).isNull();
        assertThat(view.bridge.getElement().hasAttribute("verdict-required")).isFalse();
        assertThat(view.bridge.getElement().getAttribute("call-state")).isEqualTo("ringing");
    }
}
