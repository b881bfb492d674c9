package app.avatarcall.avatar.heygen;

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
 * The packaged app started as the README says, on the fake-heygen profile with no key of its own, in a real Chromium.
 * No LiveKit server can run here, so the stage cannot join the avatar's room: the call must fail with a clear screen,
 * and the HeyGen session it opened must be stopped.
 */
class HeyGenCallIT {

    private static final String KEY = "fake-heygen-key";

    @Test
    void a_room_that_cannot_be_joined_fails_the_call_and_stops_the_heygen_session() throws Exception {
        try (Chromium chromium = Chromium.launch();
             PackagedApp app = PackagedApp.start("--spring.profiles.active=fake-heygen", "--avatar.provider=heygen");
             BrowserContext context = chromium.phone("en-US")) {
            Page page = context.pages().getFirst();
            page.navigate(app.url("/"));
            String html = page.content();

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept call").setExact(true)).click();

            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Call failed"))).isVisible();
            assertThat(html).doesNotContain(KEY);
            assertThat(openSessions(app)).isEqualTo("[]");
        }
    }

    /** The sessions the fake HeyGen still has open, waiting briefly for the stop sent in the background. */
    private static String openSessions(PackagedApp app) throws Exception {
        HttpRequest list = HttpRequest.newBuilder(URI.create(app.url("/fake-heygen/v1/streaming.list")))
                .header("X-Api-Key", KEY).build();
        String sessions = "";
        for (int attempt = 0; attempt < 50; attempt++) {
            String body = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
            sessions = body.replaceAll(".*\"sessions\":(\\[.*?\\]).*", "$1");
            if (sessions.equals("[]")) {
                break;
            }
            Thread.sleep(100);
        }
        return sessions;
    }
}
