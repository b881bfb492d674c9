package app.avatarcall.avatar.liveavatar;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.Chromium;
import app.avatarcall.testing.PackagedApp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The packaged app with LiveAvatar in LITE mode (the fakes of LiveAvatar, its session WebSocket included, and of the
 * speech synthesizer) in a real Chromium. The session opens over the WebSocket in the jar, but no LiveKit server can
 * run here, so the stage cannot join the room: the call must fail with a clear screen, and the session it opened
 * must be stopped.
 */
class LiveAvatarLiteCallIT {

    private static final String KEY = "fake-liveavatar-key";

    @Test
    void a_lite_call_whose_room_cannot_be_joined_fails_and_stops_the_provider_session() throws Exception {
        try (Chromium chromium = Chromium.launch();
             PackagedApp app = PackagedApp.start("--spring.profiles.active=fake-liveavatar,fake-tts",
                     "--avatar.provider=liveavatar", "--liveavatar.mode=LITE", "--liveavatar.api-key=" + KEY,
                     "--liveavatar.base-url=http://localhost:{port}/fake-liveavatar");
             BrowserContext context = chromium.phone("en-US")) {
            Page page = context.pages().getFirst();
            page.navigate(app.url("/"));
            String html = page.content();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call failed"))).isVisible();
            assertThat(html).doesNotContain(KEY).doesNotContain("fake-tts-key");
            assertThat(sessions(app, "historic")).contains("\"mode\":\"LITE\"");
            assertThat(sessions(app, "active")).isEqualTo("[]");
        }
    }

    /** The fake LiveAvatar's sessions of a type, waiting briefly for a stop sent in the background. */
    private static String sessions(PackagedApp app, String type) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(app.url("/fake-liveavatar/v1/sessions?type=" + type)))
                .header("X-API-KEY", KEY).build();
        String results = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            String body = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
            results = body.replaceAll(".*\"results\":(\\[.*?\\]).*", "$1");
            if (type.equals("active") == results.equals("[]")) {
                break;
            }
            Thread.sleep(100);
        }
        return results;
    }
}
