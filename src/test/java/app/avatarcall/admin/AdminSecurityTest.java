package app.avatarcall.admin;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.TestBeans;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The app's HTTP surface over real HTTP, with the security filter chain as production runs it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"admin.username=operator", "admin.password=correct horse battery", "server.servlet.session.cookie.secure=false"})
@ActiveProfiles("test")
@Import(TestBeans.class)
class AdminSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    AuditLog audit;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void anonymous_people_get_no_metrics_no_log_levels_and_no_health_details() throws Exception {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/loggers", "/actuator/metrics"}) {
            assertThat(get(path).statusCode()).as(path).isIn(302, 401, 403);
            assertThat(get(path).body()).as(path).doesNotContain("avatar");
        }
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\"").doesNotContain("components").doesNotContain("db");
    }

    @Test
    void the_consoles_style_sheet_is_served_to_everybody_like_the_rest_of_the_page() throws Exception {
        HttpResponse<String> css = get("/admin.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.body()).contains(".admin-console");
    }

    @Test
    void the_console_sends_anonymous_people_to_its_sign_in_page_and_the_call_screen_stays_open() throws Exception {
        HttpResponse<String> console = get("/admin");
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/admin/login"));
        // The call screens need the production bundle, made only at package: MiniAppHeadersIT checks them.
        assertThat(get("/call/max").statusCode()).isNotIn(302, 401, 403);
        assertThat(get("/call/max").headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void a_wrong_password_is_refused_and_audited_and_the_right_one_opens_the_console_and_metrics() throws Exception {
        assertThat(signIn("operator", "wrong").headers().firstValue("Location").orElseThrow()).contains("error");
        assertThat(audit.latest(5)).anySatisfy(entry -> assertThat(entry.action()).isEqualTo("admin.sign-in-refused"));

        HttpResponse<String> signedIn = signIn("operator", "correct horse battery");
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
        HttpResponse<String> metrics = get("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health").body()).contains("components");
    }

    private HttpResponse<String> signIn(String username, String password) throws Exception {
        // Vaadin exempts its login form's post from CSRF tokens (the console's changes go through Vaadin's own
        // per-UI token); the sign-in page itself is tested in a real browser (AdminConsoleInBrowserIT).
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return browser.send(form("/admin/login", body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest form(String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
