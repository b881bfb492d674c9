package app.avatarcall.call.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.BrowserTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Talk mode in a real Chromium against the packaged jar run with the {@code fake-llm} profile, as a person trying it
 * without a key would: the reply streams from the fake model, the demo face says it sentence by sentence (none cut
 * off by the next), and the chat shows it as one line that ends with the reply's reaction.
 */
class TalkInBrowserIT extends BrowserTest {

    /** Without a speech voice (headless) the demo face speaks by timed captions: a long greeting takes a while. */
    private static final LocatorAssertions.HasCountOptions SAID = new LocatorAssertions.HasCountOptions().setTimeout(30_000);


    @BeforeAll
    static void start() throws Exception {
        startApp("--spring.profiles.active=fake-llm", "--fake-llm.token-latency=20ms");
    }

    @Test
    void a_talk_reply_from_the_model_is_said_sentence_by_sentence_into_one_line_with_its_reaction() {
        List<String> pageErrors = new ArrayList<>();
        try (BrowserContext context = chromium.phone("en-US")) {
            Page page = context.pages().getFirst();
            page.onPageError(pageErrors::add);
            page.navigate(app.url("/"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call").setExact(true)).click();
            Locator avatarLines = page.locator(".chat-line--avatar");
            assertThat(avatarLines.first().locator(".chat-text")).containsText("Hi! I'm Ava");
            assertThat(page.locator(".chat-line--streaming")).hasCount(0, SAID); // the greeting is said

            page.getByPlaceholder("Type a message…").fill("Hello!");
            page.keyboard().press("Enter");

            String reply = "Hi! It's Ava. Lovely to hear from you. What shall we talk about?";
            page.waitForFunction("full => [...document.querySelectorAll('.chat-line--streaming .chat-text')]"
                    + ".some(line => line.textContent.length > 0 && full.startsWith(line.textContent)"
                    + " && line.textContent !== full)", reply);
            screenshot(page, "10-talk-streaming-en");
            assertThat(avatarLines.last().locator(".chat-text")).hasText(reply, new LocatorAssertions.HasTextOptions()
                    .setTimeout(30_000));
            assertThat(page.locator(".chat-line--streaming")).hasCount(0);
            assertThat(avatarLines).hasCount(2);
            assertThat(avatarLines.last().locator(".chat-reaction")).hasText("😊");
            assertThat(avatarLines.last().locator(".chat-reaction")).hasAttribute("aria-label", "Happy");
            screenshot(page, "11-talk-reply-en");
        }
        assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
    }

}
