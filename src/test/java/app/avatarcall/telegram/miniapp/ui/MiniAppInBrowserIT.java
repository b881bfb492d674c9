package app.avatarcall.telegram.miniapp.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.telegram.miniapp.SignedInitData;
import app.avatarcall.testing.BrowserTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Mini App as Telegram opens it, in a real Chromium against the packaged jar: the launch parameters in the URL
 * fragment (initData signed here with the test bot token the app is started with), and Telegram's script replaced
 * by a stub that keeps its interface and records what the page asks of it (buttons, haptics, colours, close).
 * Screenshots (390×844, light and dark Telegram themes) land in {@code target/screenshots}.
 */
class MiniAppInBrowserIT extends BrowserTest {

    private static final String LIGHT = "{\"bg_color\":\"#ffffff\",\"text_color\":\"#000000\",\"hint_color\":\"#999999\","
            + "\"link_color\":\"#2481cc\",\"button_color\":\"#2481cc\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#efeff3\",\"destructive_text_color\":\"#e53935\"}";
    private static final String DARK = "{\"bg_color\":\"#17212b\",\"text_color\":\"#f5f5f5\",\"hint_color\":\"#708499\","
            + "\"link_color\":\"#6ab3f3\",\"button_color\":\"#5288c1\",\"button_text_color\":\"#ffffff\","
            + "\"secondary_bg_color\":\"#232e3c\",\"destructive_text_color\":\"#ec3942\"}";

    /** Telegram's telegram-web-app.js as far as the page uses it, recording every call in {@code window.tgCalls}. */
    private static final String STUB = """
            (() => {
              const calls = window.tgCalls = [];
              const record = name => (...args) => { calls.push(args.length ? name + '(' + args.join(',') + ')' : name); };
              const hash = new URLSearchParams(location.hash.slice(1));
              const events = {};
              const button = name => {
                const clicks = [];
                const self = {
                  state: {},
                  setParams(params) { Object.assign(self.state, params); return self; },
                  showProgress() { self.state.progress = true; return self; },
                  hideProgress() { self.state.progress = false; return self; },
                  onClick(callback) { clicks.push(callback); return self; },
                  click() { calls.push(name + '.click'); clicks.forEach(callback => callback()); },
                };
                return self;
              };
              const back = { visible: false, clicks: [] };
              const version = hash.get('tgWebAppVersion') || '6.0';
              const atLeast = wanted => {
                const [a, b] = [version, wanted].map(v => v.split('.').map(Number));
                for (let i = 0; i < 3; i++) if ((a[i] || 0) !== (b[i] || 0)) return (a[i] || 0) > (b[i] || 0);
                return true;
              };
              window.Telegram = { WebApp: {
                initData: hash.get('tgWebAppData') || '',
                version, platform: hash.get('tgWebAppPlatform') || 'unknown',
                themeParams: JSON.parse(hash.get('tgWebAppThemeParams') || '{}'),
                isVersionAtLeast: atLeast,
                ready: record('ready'), expand: record('expand'), close: record('close'),
                requestFullscreen: record('requestFullscreen'), lockOrientation: record('lockOrientation'),
                enableClosingConfirmation: record('enableClosingConfirmation'),
                disableClosingConfirmation: record('disableClosingConfirmation'),
                enableVerticalSwipes: record('enableVerticalSwipes'), disableVerticalSwipes: record('disableVerticalSwipes'),
                setHeaderColor: record('setHeaderColor'), setBackgroundColor: record('setBackgroundColor'),
                setBottomBarColor: record('setBottomBarColor'), hideKeyboard: record('hideKeyboard'),
                showConfirm(message, callback) { calls.push('showConfirm(' + message + ')'); callback(true); },
                onEvent(type, callback) { (events[type] = events[type] || []).push(callback); },
                offEvent() {},
                emit(type) { (events[type] || []).forEach(callback => callback()); },
                MainButton: button('MainButton'), SecondaryButton: button('SecondaryButton'),
                BackButton: { show() { back.visible = true; }, hide() { back.visible = false; },
                  onClick(callback) { back.clicks.push(callback); },
                  get isVisible() { return back.visible; },
                  click() { calls.push('BackButton.click'); back.clicks.forEach(callback => callback()); } },
                HapticFeedback: { impactOccurred: record('impact'), notificationOccurred: record('notification'),
                  selectionChanged: record('selection') },
              } };
            })();""";
    /** Telegram serves profile pictures from t.me; the test serves one of its own. */
    private static final String PHOTO = "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64'>"
            + "<rect width='64' height='64' fill='#f59e0b'/><text x='32' y='42' font-size='28' text-anchor='middle' "
            + "fill='#fff' font-family='sans-serif'>А</text></svg>";


    @BeforeAll
    static void start() throws Exception {
        // The token turns the bot on too: it must not reach the real Telegram from a test.
        startApp("--telegram.bot-token=" + SignedInitData.BOT_TOKEN,
                "--telegram.bot-username=avatar_call_bot", "--telegram.polling=false",
                "--telegram.webapp-url=https://call.example.test/", "--telegram.retries=0",
                "--telegram.api-url=http://localhost:9");
    }

    /** A phone in an English browser, with Telegram's script stubbed (or, with {@code scriptLoads} off, unreachable). */
    private Page phone(boolean scriptLoads) {
        BrowserContext browser = chromium.phone("en-US");
        if (scriptLoads) {
            browser.route("https://telegram.org/js/telegram-web-app.js",
                    route -> route.fulfill(new Route.FulfillOptions().setContentType("text/javascript").setBody(STUB)));
        } else {
            browser.route("https://telegram.org/js/telegram-web-app.js", Route::abort);
        }
        browser.route("https://t.me/**",
                route -> route.fulfill(new Route.FulfillOptions().setContentType("image/svg+xml").setBody(PHOTO)));
        return pageOf(browser);
    }

    private static String anya() {
        return SignedInitData.forUser(279058397, "Аня", "ru", Instant.now().getEpochSecond()).toQuery();
    }

    /** The Mini App's address as Telegram opens it: the launch parameters in the fragment. */
    private static String launched(String path, String initData, String theme) {
        return app.url(path) + "#tgWebAppData=" + encode(initData) + "&tgWebAppVersion=9.6&tgWebAppPlatform=android"
                + "&tgWebAppThemeParams=" + encode(theme);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"); // as encodeURIComponent does
    }

    protected static void screenshot(Page page, String name) {
        page.waitForTimeout(400); // the screen's entrance animation
        BrowserTest.screenshot(page, name);
    }

    /** Waits until the condition holds; Telegram's script (the stub) loads after the page's load event. */
    private static void waitFor(Page page, String condition) {
        page.waitForFunction("() => { try { return " + condition + "; } catch (notYetLoaded) { return false; } }");
    }

    @SuppressWarnings("unchecked")
    private static List<String> calls(Page page) {
        return (List<String>) page.evaluate("() => window.tgCalls");
    }

    private static String computed(Page page, String selector, String property) {
        return (String) page.evaluate("([selector, property]) => getComputedStyle(document.querySelector(selector))[property]",
                List.of(selector, property));
    }

    @Test
    void a_telegram_user_is_greeted_by_name_in_russian_in_her_light_theme_and_answers_with_telegrams_own_button() {
        Page page = phone(true);
        page.navigate(launched("/", anya(), LIGHT));

        assertThat(page.getByText("Аня, вам видеозвонок…")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ава"))).isVisible();
        assertThat(computed(page, "body", "backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        assertThat(computed(page, ".caller-name", "color")).isEqualTo("rgb(0, 0, 0)");
        waitFor(page, "Telegram.WebApp.MainButton.state.text === 'Принять'"
                + " && Telegram.WebApp.MainButton.state.is_visible && Telegram.WebApp.SecondaryButton.state.text === 'Отклонить'");
        waitFor(page, "tgCalls.includes('impact(heavy)')");
        assertThat(calls(page)).startsWith("ready").contains("expand", "requestFullscreen", "lockOrientation",
                "setBackgroundColor(#ffffff)", "setBottomBarColor(#ffffff)");
        screenshot(page, "tg-1-incoming-light-ru");

        page.evaluate("() => Telegram.WebApp.MainButton.click()");

        assertThat(page.locator(".in-call")).isVisible();
        assertThat(page.locator(".chat-line--avatar .chat-text").first()).containsText("Привет, Аня! Я Ава");
        waitFor(page, "Telegram.WebApp.MainButton.state.text === 'Завершить' && Telegram.WebApp.BackButton.isVisible");
        assertThat(calls(page)).contains("notification(success)", "enableClosingConfirmation", "disableVerticalSwipes");
        assertThat(page.locator(".self-view")).hasAttribute("src", "https://t.me/i/userpic/320/ann.svg");
        assertThat(page.locator(".self-view")).isVisible();
        screenshot(page, "tg-2-in-call-light-ru");

        page.evaluate("() => Telegram.WebApp.BackButton.click()"); // asks first; the stub says yes

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Звонок завершён"))).isVisible();
        waitFor(page, "!Telegram.WebApp.MainButton.state.is_visible && !Telegram.WebApp.BackButton.isVisible");
        assertThat(calls(page)).contains("showConfirm(Завершить звонок?)", "impact(rigid)", "disableClosingConfirmation");
        screenshot(page, "tg-3-ended-light-ru");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Закрыть")).click();
        waitFor(page, "tgCalls.includes('close')");
    }

    @Test
    void the_first_frame_is_already_in_the_telegram_theme_before_any_module_has_run() {
        Page page = phone(true);
        List<Route> held = new ArrayList<>();
        page.route("**/VAADIN/build/indexhtml-*.js", held::add); // the app's script waits

        page.navigate(launched("/", anya(), LIGHT), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        assertThat(page.locator(".ringing-shell")).isVisible();

        assertThat(computed(page, "body", "backgroundColor")).isEqualTo("rgb(255, 255, 255)");
        page.unrouteAll();
        held.forEach(Route::resume);
        assertThat(page.getByText("Аня, вам видеозвонок…")).isVisible();
    }

    @Test
    void in_a_dark_telegram_theme_the_call_is_dark_and_the_pages_own_buttons_still_work() {
        Page page = phone(true);
        page.navigate(launched("/call/max", anya(), DARK));

        assertThat(page.getByText("Аня, вам видеозвонок…")).isVisible();
        assertThat(computed(page, "body", "backgroundColor")).isEqualTo("rgb(23, 33, 43)");
        waitFor(page, "Telegram.WebApp.MainButton.state.text === 'Принять'");
        screenshot(page, "tg-4-incoming-dark-ru");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять звонок")).click();

        assertThat(page.locator(".chat-line--avatar .chat-text").first()).containsText("Здравствуйте, Аня, я Макс");
        screenshot(page, "tg-5-in-call-dark-ru");
        page.evaluate("() => Telegram.WebApp.emit('deactivated')");
        assertThat(page.locator("ring-tone")).hasCount(0);
        page.evaluate("() => Telegram.WebApp.emit('activated')");
    }

    @Test
    void a_forged_init_data_gets_the_refusal_screen_and_no_call() {
        Page page = phone(true);
        page.navigate(launched("/", anya().replace("279058397", "1"), DARK));

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("We couldn’t verify you")))
                .isVisible();
        assertThat(page.locator(".incoming")).hasCount(0);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the bot in Telegram")))
                .hasAttribute("href", "https://t.me/avatar_call_bot");
        waitFor(page, "tgCalls.includes('notification(error)') && !Telegram.WebApp.MainButton.state.is_visible");
        screenshot(page, "tg-6-refused-dark-en");
    }

    @Test
    void when_telegrams_script_cannot_load_the_person_is_still_known_and_the_call_works() {
        Page page = phone(false);
        page.navigate(launched("/", anya(), LIGHT));

        assertThat(page.getByText("Аня, вам видеозвонок…")).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Принять звонок")).click();

        assertThat(page.locator(".chat-line--avatar .chat-text").first()).containsText("Привет, Аня!");
    }
}
