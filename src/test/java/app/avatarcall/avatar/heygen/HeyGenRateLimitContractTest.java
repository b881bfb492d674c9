package app.avatarcall.avatar.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.testing.TestBeans;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The HeyGen client against a fake that takes one request per endpoint a second: a call that may be repeated waits
 * out the {@code Retry-After} and is tried again; one that must not be (a new session, a task) is not, and the lines
 * count as busy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fake-heygen.requests-per-second=1", "logging.level.app.avatarcall.avatar.VendorHttp=INFO"})
@ActiveProfiles({"test", "fake-heygen"})
@Import(TestBeans.class)
@ExtendWith(OutputCaptureExtension.class)
class HeyGenRateLimitContractTest {

    private final HttpClient raw = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private HeyGenStreamingApi api() {
        return new HeyGenStreamingApi(HeyGenStreamingApiContractTest.properties(port,
                HeyGenStreamingApiContractTest.KEY, Duration.ofMinutes(5)));
    }

    /** Asks an endpoint (without a key: refused, but counted) until HeyGen says 429: its second is used up. */
    private void useUpTheSecondOf(HttpRequest.Builder request) throws Exception {
        HttpRequest built = request.build();
        HttpResponse<String> answer;
        do {
            answer = raw.send(built, HttpResponse.BodyHandlers.ofString());
        } while (answer.statusCode() != 429);
        assertThat(answer.headers().firstValue("Retry-After")).contains("1");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/fake-heygen" + path));
    }

    @Test
    void a_call_that_may_be_repeated_waits_out_the_rate_limit_and_is_tried_again(CapturedOutput output) throws Exception {
        useUpTheSecondOf(request("/v1/streaming.list").GET());

        assertThat(api().activeSessions()).isEmpty();

        assertThat(output.getOut()).contains("HeyGen answered 429 to /fake-heygen/v1/streaming.list; trying again in 1000 ms");
    }

    @Test
    void a_new_session_is_never_tried_twice_and_a_rate_limit_on_it_means_busy(CapturedOutput output) throws Exception {
        String token = api().createToken();
        useUpTheSecondOf(request("/v1/streaming.new").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"version\":\"v2\"}")));

        assertThatThrownBy(() -> api().newSession(token, "Ann_Therapist_public", Locale.ENGLISH))
                .isInstanceOf(AvatarBusyException.class).hasMessageContaining("rate limiting us (429)");

        assertThat(output.getOut()).doesNotContain("to /fake-heygen/v1/streaming.new; trying again");
    }
}
