package app.avatarcall.telegram.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.PackagedApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What Telegram Web needs to frame the call page, checked on the packaged app's real answer (with its bundle). */
class MiniAppHeadersIT {

    private static PackagedApp app;

    @BeforeAll
    static void start() throws Exception {
        app = PackagedApp.start();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void telegram_web_may_frame_the_call_page_and_nobody_else_may() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(
                "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org");
        assertThat(page.headers().firstValue("X-Frame-Options")).isEmpty();
    }

    @Test
    void the_microphone_and_sound_are_not_blocked_for_the_app_itself() throws Exception {
        assertThat(get("/").headers().firstValue("Permissions-Policy")).hasValueSatisfying(policy -> assertThat(policy)
                .contains("microphone=(self)", "autoplay=(self)", "camera=(self)").doesNotContain("microphone=()"));
    }

    @Test
    void the_session_cookie_travels_inside_a_cross_site_frame() throws Exception {
        assertThat(get("/").headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("SameSite=None", "Secure", "Partitioned", "HttpOnly"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
