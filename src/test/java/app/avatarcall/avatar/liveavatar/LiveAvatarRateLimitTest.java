package app.avatarcall.avatar.liveavatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/** LiveAvatar's per-endpoint rate limit (429 with Retry-After): waited out where repeating is safe, never otherwise. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fake-liveavatar.requests-per-second=1")
@ActiveProfiles({"test", "fake-liveavatar"})
@Import(TestBeans.class)
class LiveAvatarRateLimitTest {

    private static final String AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a";
    private static final Locale EN = Locale.ENGLISH;

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private LiveAvatarApi api() {
        return new LiveAvatarApi(new LiveAvatarProperties("fake-liveavatar-key",
                URI.create("http://localhost:" + port + "/fake-liveavatar"), AVATAR, null, null, true,
                Duration.ofSeconds(5), Duration.ofSeconds(30), LiveAvatarProperties.Mode.FULL));
    }

    @Test
    void a_keep_alive_over_the_limit_waits_for_retry_after_and_goes_through() {
        SessionToken token = api().createToken(AVATAR, EN, null, null, true);
        String session = api().start(token).sessionId();
        try {
            api().keepAlive(token);
            // The fake's one-second window moves with the test clock: the next second begins while the client waits.
            Thread.ofVirtual().start(() -> {
                sleep(300);
                clock.advance(Duration.ofSeconds(1));
            });

            api().keepAlive(token); // 429 first, then after Retry-After it goes through

            assertThat(api().activeSessions()).contains(session);
        } finally {
            clock.advance(Duration.ofSeconds(1));
            api().stop(session, "USER_CLOSED");
        }
    }

    @Test
    void creating_a_session_over_the_limit_is_not_repeated_and_says_why() {
        clock.advance(Duration.ofSeconds(1));
        api().createToken(AVATAR, EN, null, null, true);

        assertThatThrownBy(() -> api().createToken(AVATAR, EN, null, null, true))
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("429")
                .hasMessageContaining("Rate limit");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
