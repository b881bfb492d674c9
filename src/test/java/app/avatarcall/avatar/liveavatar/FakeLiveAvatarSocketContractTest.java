package app.avatarcall.avatar.liveavatar;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket.Heard;
import app.avatarcall.testing.TestBeans;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LITE WebSocket of the LiveAvatar fake, spoken to directly: it must hold a client to LiveAvatar's documented
 * rules, or the tests of our client against it would prove nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fake-liveavatar.socket-connect-latency=300ms")
@ActiveProfiles({"test", "fake-liveavatar"})
@Import(TestBeans.class)
class FakeLiveAvatarSocketContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a";

    @LocalServerPort
    int port;
    @Autowired
    FakeLiveAvatarSocket sockets;

    private final OkHttpClient http = new OkHttpClient();
    private final List<String> started = new ArrayList<>();

    private LiveAvatarApi api() {
        return new LiveAvatarApi(new LiveAvatarProperties("fake-liveavatar-key",
                URI.create("http://localhost:" + port + "/fake-liveavatar"), AVATAR, null, null, true,
                Duration.ofSeconds(5), Duration.ofSeconds(30), LiveAvatarProperties.Mode.LITE));
    }

    private StartedSession startLite() {
        StartedSession session = api().start(api().createLiteToken(AVATAR, true, null));
        started.add(session.sessionId());
        return session;
    }

    @AfterEach
    void stopAll() {
        started.forEach(id -> api().stop(id, "USER_CLOSED"));
    }

    @Test
    void only_a_started_lite_session_gets_a_ws_url_and_only_with_its_key() throws Exception {
        StartedSession full = api().start(api().createToken(AVATAR, Locale.ENGLISH, null, null, true));
        started.add(full.sessionId());
        StartedSession lite = startLite();

        assertThat(full.wsUrl()).isNull();
        assertThat(lite.wsUrl()).startsWith("ws://localhost:" + port + "/fake-liveavatar/v1/ws/" + lite.sessionId());
        Client forged = connect(lite.wsUrl().replaceFirst("key=[^&]+", "key=guessed"));
        assertThat(forged.closedWith()).isEqualTo(1008);
    }

    @Test
    void events_before_connected_are_dropped_without_a_word_and_speech_is_announced_and_ended_after() throws Exception {
        StartedSession session = startLite();
        Client client = connect(session.wsUrl());
        assertThat(client.next().path("state").asString()).isEqualTo("connecting");

        client.send(Map.of("type", "agent.speak", "event_id", "early", "audio", pcm(600)));
        assertThat(client.next().path("state").asString()).isEqualTo("connected");
        client.send(Map.of("type", "agent.speak", "event_id", "u1", "audio", pcm(300)));
        client.send(Map.of("type", "agent.speak_end", "event_id", "u1"));

        JsonNode speakStarted = client.next();
        JsonNode speakEnded = client.next();
        assertThat(speakStarted.path("type").asString()).isEqualTo("agent.speak_started");
        assertThat(speakStarted.path("event_id").asString()).isEqualTo("u1");
        assertThat(speakEnded.path("type").asString()).isEqualTo("agent.speak_ended");
        assertThat(speakEnded.path("task").path("id").asString()).isEqualTo(speakStarted.path("task").path("id").asString());
        Heard heard = sockets.heard(session.sessionId()).orElseThrow();
        assertThat(heard.droppedBeforeConnected()).isEqualTo(1);
        assertThat(heard.chunks()).extracting(FakeLiveAvatarSocket.Chunk::eventId).containsExactly("u1");
        assertThat(heard.problems()).isEmpty();
    }

    @Test
    void audio_that_is_no_whole_samples_or_over_a_megabyte_is_refused_and_not_base64_closes_the_socket()
            throws Exception {
        StartedSession session = startLite();
        Client client = connected(session.wsUrl());

        client.send(Map.of("type", "agent.speak", "event_id", "odd", "audio",
                Base64.getEncoder().encodeToString(new byte[3])));
        client.send(Map.of("type", "agent.speak", "event_id", "big", "audio",
                Base64.getEncoder().encodeToString(new byte[800_000]))); // 1.07 MB of base64
        client.send(Map.of("type", "agent.speak", "event_id", "garbage", "audio", "not base64!"));

        assertThat(client.closedWith()).isEqualTo(1007);
        assertThat(sockets.heard(session.sessionId()).orElseThrow().problems()).satisfiesExactly(
                odd -> assertThat(odd).isEqualTo("agent.speak audio of 3 bytes is no whole number of 16-bit samples"),
                big -> assertThat(big).matches("agent\\.speak packet of 10667\\d\\d bytes is over 1 MB: dropped"),
                garbage -> assertThat(garbage).isEqualTo("agent.speak audio is not base64"));
    }

    @Test
    void an_interrupt_empties_the_buffer_and_audio_sent_after_it_for_the_same_event_is_caught() throws Exception {
        StartedSession session = startLite();
        Client client = connected(session.wsUrl());

        client.send(Map.of("type", "agent.speak", "event_id", "long", "audio", pcm(3000)));
        assertThat(client.next().path("type").asString()).isEqualTo("agent.speak_started");
        client.send(Map.of("type", "agent.interrupt"));
        assertThat(client.next().path("type").asString()).isEqualTo("agent.speak_ended"); // at once, not in 3 s
        client.send(Map.of("type", "agent.speak", "event_id", "long", "audio", pcm(1000)));
        client.send(Map.of("type", "session.keep_alive", "event_id", "k1"));

        Thread.sleep(300);
        Heard heard = sockets.heard(session.sessionId()).orElseThrow();
        assertThat(heard.interrupts()).isEqualTo(1);
        assertThat(heard.keepAlives()).isEqualTo(1);
        assertThat(heard.chunks()).extracting(FakeLiveAvatarSocket.Chunk::afterInterrupt).containsExactly(false, true);
        assertThat(heard.problems()).singleElement().asString().contains("after it was interrupted");
    }

    @Test
    void stopping_the_session_says_closed_and_closes_its_socket() throws Exception {
        StartedSession session = startLite();
        Client client = connected(session.wsUrl());

        api().stop(session.sessionId(), "USER_CLOSED");

        assertThat(client.next().path("state").asString()).isEqualTo("closed");
        assertThat(client.closedWith()).isEqualTo(1000);
    }

    private static String pcm(int millis) {
        return Base64.getEncoder().encodeToString(new byte[millis * 48]);
    }

    private Client connected(String url) throws InterruptedException {
        Client client = connect(url);
        assertThat(client.next().path("state").asString()).isEqualTo("connecting");
        assertThat(client.next().path("state").asString()).isEqualTo("connected");
        return client;
    }

    private Client connect(String url) {
        Client client = new Client();
        client.socket = http.newWebSocket(new Request.Builder().url(url).build(), client);
        return client;
    }

    /** A bare WebSocket client that keeps what it hears. */
    private static final class Client extends WebSocketListener {

        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final BlockingQueue<Integer> closed = new LinkedBlockingQueue<>();
        WebSocket socket;

        void send(Map<String, ?> event) {
            socket.send(JSON.writeValueAsString(event));
        }

        JsonNode next() throws InterruptedException {
            JsonNode message = messages.poll(10, TimeUnit.SECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        int closedWith() throws InterruptedException {
            Integer code = closed.poll(10, TimeUnit.SECONDS);
            assertThat(code).as("closed within 10 s").isNotNull();
            return code;
        }

        @Override
        public void onMessage(WebSocket webSocket, String text) {
            messages.add(JSON.readTree(text));
        }

        @Override
        public void onClosing(WebSocket webSocket, int code, String reason) {
            webSocket.close(1000, null);
            closed.add(code);
        }

        @Override
        public void onFailure(WebSocket webSocket, Throwable t, okhttp3.Response response) {
            closed.add(-1);
        }
    }
}
