package app.avatarcall.admin.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import app.avatarcall.testing.BrowserTest;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signing in to the console in a real Chromium against the packaged jar: what only a browser proves (the Login
 * component posts the form Spring Security reads, the session then carries the admin into the console).
 */
class AdminConsoleInBrowserIT extends BrowserTest {

    private static final String PASSWORD = "correct horse battery";

    @BeforeAll
    static void start() throws Exception {
        startApp("--admin.username=operator", "--admin.password=" + PASSWORD);
    }

    private Page open(BrowserContext browser, String path) {
        Page page = pageOf(browser);
        page.navigate(app.url(path));
        return page;
    }

    /** Until Vaadin's client has started and has no request under way: what is typed before then can be redrawn away. */
    private static void awaitIdle(Page page) {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients"
                + " && Object.keys(window.Vaadin.Flow.clients).length > 0"
                + " && Object.values(window.Vaadin.Flow.clients).every(client => !client.isActive())");
    }

    private static void signIn(Page page, String password) {
        awaitIdle(page);
        page.locator("input[name='username']").fill("operator");
        page.locator("input[name='password']").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    @Test
    void an_operator_opens_the_console_signs_in_and_lands_on_the_overview() {
        Page page = open(chromium.desktop("en"), "/admin");
        assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
        assertThat(page.locator("input[name='username']")).isVisible();
        screenshot(page, "admin-login-desktop");

        signIn(page, PASSWORD);

        assertThat(page).hasURL(Pattern.compile(".*/admin(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Overview"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out"))).isVisible();
        screenshot(page, "admin-overview-desktop");
    }

    @Test
    void a_wrong_password_keeps_the_console_shut_and_says_so_in_russian() {
        Page page = open(chromium.phone("ru"), "/admin/login");
        awaitIdle(page);
        page.locator("input[name='username']").fill("operator");
        page.locator("input[name='password']").fill("wrong");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Войти")).click();

        assertThat(page).hasURL(Pattern.compile(".*/admin/login\\?error$"));
        assertThat(page.getByText("Неверное имя или пароль")).isVisible();
        screenshot(page, "admin-login-refused-phone-ru");
        page.navigate(app.url("/admin/audit"));
        assertThat(page).hasURL(Pattern.compile(".*/admin/login$"));
    }

    @Test
    void the_console_fits_a_phone_with_its_menu_in_a_drawer() {
        Page page = open(chromium.phone("en"), "/admin/login");
        signIn(page, PASSWORD);
        assertThat(page).hasURL(Pattern.compile(".*/admin(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))).isVisible();
        screenshot(page, "admin-overview-phone");
    }

    @Test
    void every_console_page_loads_in_the_packaged_app_on_a_phone_and_a_desktop() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("avatars", "Avatars");
        pages.put("avatars/ava", "Ava");
        pages.put("knowledge", "Knowledge base");
        pages.put("branding", "Branding");
        pages.put("live", "Live calls");
        pages.put("analytics", "Analytics");
        pages.put("privacy", "Privacy");
        pages.put("audit", "Audit log");
        for (boolean phone : new boolean[] {false, true}) {
            Page page = open(phone ? chromium.phone("en") : chromium.desktop("en"), "/admin/login");
            signIn(page, PASSWORD);
            assertThat(page).hasURL(Pattern.compile(".*/admin(\\?continue)?$"));
            pages.forEach((path, heading) -> {
                page.navigate(app.url("/admin/" + path));
                awaitIdle(page);
                assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(heading)).first())
                        .isVisible(); // a name given as text matches any heading that contains it
                if (path.equals("analytics")) { // the chart's own chunk loaded and drew
                    assertThat(page.locator("admin-chart canvas")).isAttached();
                }
                page.waitForTimeout(300); // let late chunks paint before the picture
                screenshot(page, "admin-" + path.replace('/', '-') + (phone ? "-phone" : "-desktop"));
            });
            closePage();
        }
    }

}
