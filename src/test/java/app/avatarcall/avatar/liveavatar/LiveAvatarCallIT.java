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
 * The packaged app configured for LiveAvatar (the in-process fake standing in for the real API) in a real Chromium.
 * No LiveKit server can run here, so the stage cannot join the avatar's room: the call must fail with a clear screen,
 * and the LiveAvatar session it opened must be stopped.
 */
class LiveAvatarCallIT {

    private static final String KEY = "fake-liveavatar-key";

    @Test
    void a_room_that_cannot_be_joined_fails_the_call_and_stops_the_provider_session() throws Exception {
        try (Chromium chromium = Chromium.launch();
             PackagedApp app = PackagedApp.start("--spring.profiles.active=fake-liveavatar", "--avatar.provider=liveavatar",
                     "--liveavatar.api-key=" + KEY, "--liveavatar.base-url=http://localhost:{port}/fake-liveavatar");
             BrowserContext context = chromium.phone("en-US")) {
            Page page = context.pages().getFirst();
            page.navigate(app.url("/"));
            String html = page.content();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call failed"))).isVisible();
            assertThat(html).doesNotContain(KEY);
            assertThat(activeSessions(app)).isEqualTo("[]");
        }
    }

    /** The ids of the sessions the fake LiveAvatar still runs, waiting briefly for the stop sent in the background. */
    private static String activeSessions(PackagedApp app) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(app.url("/fake-liveavatar/v1/sessions?type=active")))
                .header("X-API-KEY", KEY).build();
        String results = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            String body = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
            results = body.replaceAll(".*\"results\":(\\[.*?\\]).*", "$1");
            if (results.equals("[]")) {
                break;
            }
            Thread.sleep(100);
        }
        return results;
    }
}
