package app.avatarcall.call.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.BrowserTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitUntilState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole call in a real Chromium against the packaged jar: what only a browser can prove (the web components
 * load and talk to the server, push delivers the avatar's captions, no script in a message ever runs).
 * Screenshots land in {@code target/screenshots}.
 */
class CallInBrowserIT extends BrowserTest {


    @BeforeAll
    static void start() throws Exception {
        // Short enough for the missed-call path, long enough for a loaded CI machine to answer the other calls in time.
        startApp("--call.ring-timeout=10s");
    }

    private Page open(BrowserContext browser, String path) {
        Page page = pageOf(browser);
        page.navigate(app.url(path));
        return page;
    }


    private static Locator button(Page page, String accessibleName) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(accessibleName).setExact(true));
    }

    private static Locator avatarLines(Page page) {
        return page.locator(".chat-line--avatar .chat-text");
    }

    @Test
    void answering_then_repeat_mode_speaks_the_text_with_a_streaming_caption_then_hanging_up() {
        Page page = open(chromium.phone("en-US"), "/");
        assertThat(page.getByText("Video call…")).isVisible();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Ava"))).isVisible();
        screenshot(page, "1-incoming-en");

        button(page, "Accept call").click();
        assertThat(page.locator(".in-call")).isVisible();
        assertThat(avatarLines(page).first()).containsText("Hi! I'm Ava");
        screenshot(page, "2-in-call-greeting-en");

        button(page, "Repeat").click();
        assertThat(button(page, "Repeat")).hasAttribute("aria-pressed", "true");
        page.getByPlaceholder("Type a message…").fill("The quick brown fox jumps over the lazy dog");
        page.keyboard().press("Enter");

        assertThat(page.locator(".chat-line--person .chat-text")).hasText("The quick brown fox jumps over the lazy dog");
        // The caption grows word by word while the avatar speaks, then holds the whole text.
        page.waitForFunction("full => [...document.querySelectorAll('.chat-line--streaming .chat-text')]"
                + ".some(line => line.textContent.length > 0 && full.startsWith(line.textContent) && line.textContent !== full)",
                "The quick brown fox jumps over the lazy dog");
        assertThat(avatarLines(page).last()).hasText("The quick brown fox jumps over the lazy dog");
        assertThat(page.locator(".chat-line--streaming")).hasCount(0);
        screenshot(page, "3-in-call-repeat-en");

        button(page, "End call").click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call ended"))).isVisible();
        assertThat(page.getByText("Duration 0:")).isVisible();
        screenshot(page, "4-ended-en");
    }

    @Test
    void a_tap_on_accept_before_the_app_has_loaded_still_answers() {
        Page page = pageOf(chromium.phone("en-US"));
        List<Route> held = new ArrayList<>();
        page.route("**/VAADIN/build/indexhtml-*.js", held::add); // the app's script waits until the tap is in

        page.navigate(app.url("/"), new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
        Locator shellAccept = page.locator(".ringing-shell").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Accept call"));
        shellAccept.click();
        assertThat(page.locator(".ringing-shell--answered")).isVisible();
        screenshot(page, "0-shell-tapped-en");
        page.unrouteAll();
        held.forEach(Route::resume);

        assertThat(page.locator(".in-call")).isVisible();
        assertThat(avatarLines(page).first()).containsText("Hi! I'm Ava");
        assertThat(page.locator(".ringing-shell")).hasCount(0);
    }

    @Test
    void declining_says_the_call_was_declined() {
        Page page = open(chromium.phone("en-US"), "/call/max");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Max"))).isVisible();

        button(page, "Decline call").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call declined"))).isVisible();
        screenshot(page, "5-declined-en");
    }

    @Test
    void an_unanswered_call_is_missed_and_call_back_connects() {
        Page page = open(chromium.phone("ru-RU"), "/");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Пропущенный звонок")))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(20_000));
        screenshot(page, "6-missed-ru");

        button(page, "Перезвонить").click();

        assertThat(page.locator(".in-call")).isVisible();
        assertThat(avatarLines(page).first()).containsText("Привет! Я Ава");
        screenshot(page, "7-in-call-ru");
    }

    @Test
    void html_in_a_message_is_shown_as_text_and_never_runs() {
        Page page = open(chromium.phone("en-US"), "/");
        button(page, "Accept call").click();
        button(page, "Repeat").click();
        String attack = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=2</script>";

        page.getByPlaceholder("Type a message…").fill(attack);
        button(page, "Send message").click();

        assertThat(page.locator(".chat-line--person .chat-text")).hasText(attack);
        assertThat(avatarLines(page).last()).hasText(attack);
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(page.locator(".chat-line img, .chat-line script")).hasCount(0);
    }

    @Test
    void an_empty_message_gets_a_hint_and_every_button_has_an_accessible_name() {
        Page page = open(chromium.phone("en-US"), "/");
        button(page, "Accept call").click();
        assertThat(page.locator(".in-call")).isVisible();

        page.getByPlaceholder("Type a message…").fill("   ");
        page.keyboard().press("Enter");

        assertThat(page.getByRole(AriaRole.ALERT).getByText("Type a message first.")).isVisible();
        Object unnamed = page.evaluate("() => [...document.querySelectorAll('button')]"
                + ".filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).length");
        assertThat(unnamed).isEqualTo(0);
    }

    @Test
    void on_a_desktop_the_chat_sits_beside_the_avatar() {
        Page page = open(chromium.desktop("en-US"), "/");
        screenshot(page, "8-incoming-desktop");
        button(page, "Accept call").click();
        assertThat(avatarLines(page).first()).containsText("Hi!");

        double chatLeft = (double) page.evaluate("() => document.querySelector('.chat').getBoundingClientRect().left");
        assertThat(chatLeft).isGreaterThan(800);
        screenshot(page, "9-in-call-desktop");
    }
}
