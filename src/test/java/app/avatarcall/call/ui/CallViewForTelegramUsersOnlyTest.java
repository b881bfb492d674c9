package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.telegram.miniapp.SignedInitData;
import app.avatarcall.telegram.miniapp.ui.IdentityScreen;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Where only Telegram users may call, nothing rings until the page has said who the person is. */
@TestPropertySource(properties = {"telegram.bot-token=" + SignedInitData.BOT_TOKEN,
        // the token turns the bot on too: it must not reach the real Telegram from a test
        "telegram.webapp-url=https://call.example.test/", "telegram.polling=false", "telegram.retries=0",
        "telegram.api-url=http://localhost:9",
        "telegram.bot-username=@avatar_call_bot", "telegram.mini-app.allow-anonymous=false"})
class CallViewForTelegramUsersOnlyTest extends KaribuTest {

    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;

    private CallView open() {
        UI.getCurrent().navigate("");
        return _get(CallView.class);
    }

    private static void launch(CallView view, String initData) {
        BasicUtilsKt._fireDomEvent(view.bridge, "telegram-launch",
                JsonMapper.builder().build().createObjectNode().put("event.detail.initData", initData));
        roundTrip();
    }

    @Test
    void nothing_rings_until_the_page_has_said_who_the_person_is() {
        int sessions = provider.opened.size();
        CallView view = open();

        assertThat(view.call).isNull();
        assertThat(_get(H2.class).getText()).isEqualTo("One moment…");
        assertThat(_find(NativeButton.class)).isEmpty();
        assertThat(view.bridge.getElement().hasAttribute("verdict-required")).isTrue();
        assertThat(provider.opened).hasSize(sessions);
    }

    @Test
    void outside_telegram_the_page_says_calls_open_in_telegram_and_links_to_the_bot() {
        int sessions = provider.opened.size();
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        CallView view = open();

        launch(view, "");

        assertThat(view.screen).isInstanceOf(IdentityScreen.class);
        assertThat(_get(H2.class).getText()).isEqualTo("Звонки открываются в Telegram");
        Anchor bot = _get(Anchor.class);
        assertThat(bot.getHref()).isEqualTo("https://t.me/avatar_call_bot");
        assertThat(bot.getText()).isEqualTo("Открыть бота в Telegram");
        assertThat(view.call).isNull();
        assertThat(provider.opened).hasSize(sessions);
    }

    @Test
    void a_verified_telegram_user_is_rung_once_the_verdict_is_in() {
        CallView view = open();

        launch(view, SignedInitData.forUser(42, "Bob", "en", clock.instant().getEpochSecond()).toQuery());

        assertThat(view.screen).isInstanceOf(IncomingCallScreen.class);
        assertThat(((IncomingCallScreen) view.screen).kind.getText()).isEqualTo("Bob, you have a video call…");
        assertThat(view.bridge.getElement().getAttribute("call-state")).isEqualTo("ringing");
    }

    @Test
    void a_forged_init_data_is_turned_away_with_the_way_back_to_the_bot() {
        CallView view = open();

        launch(view, SignedInitData.forUser(42, "Bob", "en", clock.instant().getEpochSecond()).toQuery() + "0");

        assertThat(_get(H2.class).getText()).isEqualTo("We couldn’t verify you");
        assertThat(_get(Anchor.class).getHref()).isEqualTo("https://t.me/avatar_call_bot");
        assertThat(view.call).isNull();
    }
}
