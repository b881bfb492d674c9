package app.avatarcall.avatar.liveavatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The LiveAvatar client against the in-process fake over real HTTP: the contract both must keep, so that a real
 * key is configuration only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "fake-liveavatar"})
@Import(TestBeans.class)
class LiveAvatarApiContractTest {

    private static final String AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a";
    private static final Locale RU = Locale.forLanguageTag("ru");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final List<String> started = new ArrayList<>();

    private LiveAvatarApi api(String key) {
        return new LiveAvatarApi(new LiveAvatarProperties(key, URI.create("http://localhost:" + port + "/fake-liveavatar"),
                AVATAR, null, null, true, Duration.ofSeconds(5), Duration.ofSeconds(30),
                LiveAvatarProperties.Mode.FULL));
    }

    private LiveAvatarApi api() {
        return api("fake-liveavatar-key");
    }

    private StartedSession startOne() {
        StartedSession session = api().start(api().createToken(AVATAR, RU, null, null, true));
        started.add(session.sessionId());
        return session;
    }

    @AfterEach
    void stopEverything() {
        started.forEach(id -> api().stop(id, "USER_CLOSED"));
    }

    @Test
    void a_session_is_created_started_kept_alive_listed_and_stopped() {
        SessionToken token = api().createToken(AVATAR, RU, "voice-1", "context-1", true);
        StartedSession session = api().start(token);
        api().keepAlive(token);

        assertThat(session.sessionId()).isEqualTo(token.sessionId());
        assertThat(session.livekitUrl()).startsWith("wss://");
        assertThat(session.livekitClientToken()).isNotBlank();
        assertThat(api().activeSessions()).contains(session.sessionId());

        api().stop(session.sessionId(), "USER_CLOSED");
        assertThat(api().activeSessions()).doesNotContain(session.sessionId());
    }

    @Test
    void a_session_token_starts_one_session_only() {
        SessionToken token = api().createToken(AVATAR, RU, null, null, true);
        started.add(api().start(token).sessionId());

        assertThatThrownBy(() -> api().start(token)).isInstanceOf(AvatarUnavailableException.class)
                .hasMessageContaining("already been used");
    }

    @Test
    void a_wrong_api_key_is_refused_and_a_missing_one_is_never_sent() {
        assertThatThrownBy(() -> api("not-the-key").createToken(AVATAR, RU, null, null, true))
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("401").hasMessageContaining("Invalid API key");
        assertThatThrownBy(() -> api("").createToken(AVATAR, RU, null, null, true))
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("LIVEAVATAR_API_KEY is not set");
    }

    @Test
    void an_avatar_id_that_is_not_a_uuid_is_a_validation_error() {
        assertThatThrownBy(() -> api().createToken("ava", RU, null, null, true))
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("422").hasMessageContaining("avatar_id");
    }

    @Test
    void past_the_concurrency_limit_every_line_is_busy() {
        startOne();
        startOne();
        startOne();

        SessionToken fourth = api().createToken(AVATAR, RU, null, null, true);
        assertThatThrownBy(() -> api().start(fourth)).isInstanceOf(AvatarBusyException.class);
    }

    @Test
    void a_session_nobody_keeps_alive_is_stopped_by_the_provider() {
        SessionToken token = api().createToken(AVATAR, RU, null, null, true);
        StartedSession session = api().start(token);
        started.add(session.sessionId());

        clock.advance(Duration.ofMinutes(5));

        assertThat(api().activeSessions()).doesNotContain(session.sessionId());
        assertThatThrownBy(() -> api().keepAlive(token)).hasMessageContaining("not active");
    }

    @Test
    void stopping_a_session_that_is_already_over_is_harmless() {
        StartedSession session = startOne();
        api().stop(session.sessionId(), "USER_CLOSED");
        api().stop(session.sessionId(), "USER_CLOSED");

        assertThat(api().activeSessions()).doesNotContain(session.sessionId());
    }
}
