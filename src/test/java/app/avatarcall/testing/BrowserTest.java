package app.avatarcall.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;

/**
 * A test class that drives the packaged jar in a real Chromium: the app and the browser for the whole class, a fresh
 * browser profile per test, and no JavaScript error on any page it opened. Screenshots go to
 * {@code target/screenshots}.
 */
public abstract class BrowserTest {

    protected static PackagedApp app;
    protected static Chromium chromium;
    protected BrowserContext context;
    protected final List<String> pageErrors = new ArrayList<>();

    /** Starts Chromium, then the jar with these Spring arguments: from the test class's {@code @BeforeAll}. */
    protected static void startApp(String... args) throws IOException, InterruptedException {
        chromium = Chromium.launch();
        app = PackagedApp.start(args);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
            app = null;
        }
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    @AfterEach
    protected void closePage() {
        if (context != null) {
            context.close();
            context = null;
        }
        assertThat(pageErrors).as("JavaScript errors on the page").isEmpty();
    }

    /** The test's browser from now on, and its page, whose JavaScript errors fail the test. */
    protected Page pageOf(BrowserContext browser) {
        context = browser;
        Page page = browser.pages().isEmpty() ? browser.newPage() : browser.pages().getFirst();
        page.onPageError(pageErrors::add);
        return page;
    }

    protected static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "screenshots", name + ".png")));
    }
}
