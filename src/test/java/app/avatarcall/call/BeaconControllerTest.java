package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.testing.TestBeans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** The tab-close beacon over real HTTP, next to the Vaadin servlet that serves everything else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestBeans.class)
class BeaconControllerTest {

    @LocalServerPort
    int port;
    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;

    private int post(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void the_pages_beacon_hangs_up_its_call() throws Exception {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "person-1");

        assertThat(post(calls.hangUpBeaconPath(call))).isEqualTo(204);

        assertThat(call.endReason()).contains(EndReason.TAB_CLOSED);
    }

    @Test
    void a_beacon_without_the_calls_token_changes_nothing() throws Exception {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "person-1");

        assertThat(post("beacon/calls/" + call.id() + "/hang-up?token=guessed")).isEqualTo(404);
        assertThat(post("beacon/calls/not-a-uuid/hang-up?token=x")).isEqualTo(400);

        assertThat(call.state()).isEqualTo(CallState.RINGING);
    }
}
