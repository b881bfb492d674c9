package app.avatarcall.avatar.heygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.VendorHttp;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.NewSession;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.Task;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * The HeyGen Interactive Avatar client against the in-process fake over real HTTP: the contract both must keep, so
 * that a real key is configuration only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "fake-heygen"})
@Import(TestBeans.class)
class HeyGenStreamingApiContractTest {

    static final String KEY = "fake-heygen-key";
    private static final String AVATAR = "Ann_Therapist_public";
    private static final Locale RU = Locale.forLanguageTag("ru");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final List<String> opened = new ArrayList<>();

    static HeyGenProperties properties(int port, String key, Duration idleTimeout) {
        return properties(port, key, idleTimeout, "friendly");
    }

    static HeyGenProperties properties(int port, String key, Duration idleTimeout, String voiceEmotion) {
        return new HeyGenProperties(key, URI.create("http://localhost:" + port + "/fake-heygen"), AVATAR, null,
                "medium", null, null, idleTimeout, Duration.ofSeconds(5), Duration.ofSeconds(30), voiceEmotion);
    }

    private HeyGenStreamingApi api(String key) {
        return new HeyGenStreamingApi(properties(port, key, Duration.ofMinutes(5)));
    }

    private HeyGenStreamingApi api() {
        return api(KEY);
    }

    /** A session token and the session it created, not yet started. */
    private record Created(String token, NewSession session) {
    }

    private Created createOne() {
        String token = api().createToken();
        NewSession session = api().newSession(token, AVATAR, RU);
        opened.add(session.sessionId());
        return new Created(token, session);
    }

    private Created startOne() {
        Created created = createOne();
        api().start(created.token(), created.session().sessionId());
        return created;
    }

    @AfterEach
    void stopEverything() {
        opened.forEach(id -> api().stop(id));
    }

    @Test
    void a_session_is_created_started_given_tasks_interrupted_kept_alive_listed_and_stopped() {
        String token = api().createToken();
        NewSession session = api().newSession(token, AVATAR, RU);
        String id = session.sessionId();
        api().start(token, id);
        Task repeat = api().task(token, id, "Привет! Я Ава.", "repeat");
        Task talk = api().task(token, id, "Расскажи о себе", "talk");
        api().interrupt(token, id);
        api().keepAlive(token, id);

        assertThat(session.livekitUrl()).startsWith("wss://");
        assertThat(session.livekitClientToken()).isNotBlank().isNotEqualTo(token);
        assertThat(session.sessionDurationLimit()).isEqualTo(600);
        assertThat(repeat.taskId()).isNotBlank().isNotEqualTo(talk.taskId());
        assertThat(repeat.durationMs()).isPositive();
        assertThat(api().activeSessions()).containsKey(id);

        api().stop(id);
        assertThat(api().activeSessions()).doesNotContainKey(id);
    }

    @Test
    void a_session_token_makes_one_session_only() {
        Created first = createOne();

        assertThatThrownBy(() -> api().newSession(first.token(), AVATAR, RU))
                .isInstanceOf(VendorHttp.Refusal.class).hasMessageContaining("401").hasMessageContaining("400112");
    }

    @Test
    void a_token_speaks_for_its_own_session_only() {
        Created mine = startOne();
        Created theirs = startOne();

        assertThatThrownBy(() -> api().task(mine.token(), theirs.session().sessionId(), "Привет", "repeat"))
                .isInstanceOf(VendorHttp.Refusal.class).hasMessageContaining("401");
    }

    @Test
    void a_task_before_the_session_is_started_is_out_of_order() {
        Created created = createOne();

        assertThatThrownBy(() -> api().task(created.token(), created.session().sessionId(), "Привет", "repeat"))
                .isInstanceOf(VendorHttp.Refusal.class).hasMessageContaining("400")
                .hasMessageContaining("Session is not in correct state").hasMessageContaining("400006");
    }

    @Test
    void a_session_starts_once() {
        Created created = startOne();

        assertThatThrownBy(() -> api().start(created.token(), created.session().sessionId()))
                .isInstanceOf(VendorHttp.Refusal.class).hasMessageContaining("400006");
    }

    @Test
    void a_wrong_api_key_is_refused_with_a_hint_and_a_missing_one_is_never_sent() {
        assertThatThrownBy(() -> api("not-the-key").createToken())
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("401")
                .hasMessageContaining("check HEYGEN_API_KEY");
        assertThatThrownBy(() -> api("").createToken())
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("HEYGEN_API_KEY is not set");
    }

    @Test
    void past_the_concurrency_limit_every_line_is_busy() {
        startOne();
        startOne();
        createOne(); // a session that was created but not started holds a line too

        String fourth = api().createToken();
        assertThatThrownBy(() -> api().newSession(fourth, AVATAR, RU)).isInstanceOf(AvatarBusyException.class)
                .hasMessageContaining("Concurrent limit reached");
    }

    @Test
    void a_session_nobody_keeps_alive_is_closed_by_heygen_and_says_so() {
        Created created = startOne();
        String id = created.session().sessionId();

        clock.advance(Duration.ofMinutes(5));

        assertThat(api().activeSessions()).doesNotContainKey(id);
        assertThatThrownBy(() -> api().keepAlive(created.token(), id))
                .isInstanceOfSatisfying(VendorHttp.Refusal.class,
                        refusal -> assertThat(HeyGenStreamingApi.closed(refusal)).isTrue())
                .hasMessageContaining("session state wrong: closed");
    }

    @Test
    void keep_alives_and_tasks_hold_off_the_idle_timeout_but_not_the_duration_limit() {
        Created created = startOne();
        String id = created.session().sessionId();

        clock.advance(Duration.ofMinutes(4));
        api().keepAlive(created.token(), id);
        clock.advance(Duration.ofMinutes(4));
        api().task(created.token(), id, "Ещё здесь", "repeat");
        assertThat(api().activeSessions()).containsKey(id);

        clock.advance(Duration.ofMinutes(2)); // ten minutes since the start: HeyGen's session duration limit
        assertThat(api().activeSessions()).doesNotContainKey(id);
        assertThatThrownBy(() -> api().task(created.token(), id, "Алло?", "repeat")).hasMessageContaining("10005");
    }

    @Test
    void stopping_a_session_that_is_already_over_is_harmless() {
        Created created = startOne();
        api().stop(created.session().sessionId());
        api().stop(created.session().sessionId());
        api().stop("a-session-heygen-never-had");

        assertThat(api().activeSessions()).doesNotContainKey(created.session().sessionId());
    }

    @Test
    void an_idle_timeout_outside_heygens_range_is_refused() {
        HeyGenStreamingApi api = new HeyGenStreamingApi(properties(port, KEY, Duration.ofSeconds(10)));
        String token = api.createToken();

        assertThatThrownBy(() -> api.newSession(token, AVATAR, RU)).isInstanceOf(VendorHttp.Refusal.class)
                .hasMessageContaining("400").hasMessageContaining("activity_idle_timeout");
    }

    @Test
    void the_voice_takes_a_documented_emotion_for_the_session_and_refuses_others() {
        for (String emotion : new String[] {"friendly", "soothing", ""}) {
            HeyGenStreamingApi api = new HeyGenStreamingApi(properties(port, KEY, Duration.ofMinutes(5), emotion));
            String token = api.createToken();
            String session = api.newSession(token, AVATAR, RU).sessionId();
            api.stop(session);
        }
        HeyGenStreamingApi cheerful = new HeyGenStreamingApi(properties(port, KEY, Duration.ofMinutes(5), "cheerful"));
        String token = cheerful.createToken();

        assertThatThrownBy(() -> cheerful.newSession(token, AVATAR, RU)).isInstanceOf(VendorHttp.Refusal.class)
                .hasMessageContaining("400").hasMessageContaining("voice.emotion");
    }

    @Test
    void a_text_longer_than_heygen_takes_is_refused() {
        Created created = startOne();

        assertThatThrownBy(() -> api().task(created.token(), created.session().sessionId(), "а".repeat(1001), "repeat"))
                .isInstanceOf(VendorHttp.Refusal.class).hasMessageContaining("1000");
    }

    @Test
    void a_token_request_that_is_not_declared_json_is_refused_as_heygen_does() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fake-heygen/v1/streaming.create_token"))
                .header("X-Api-Key", KEY).POST(HttpRequest.BodyPublishers.noBody()).build();

        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.body()).contains("'application/json' is required");
    }
}
