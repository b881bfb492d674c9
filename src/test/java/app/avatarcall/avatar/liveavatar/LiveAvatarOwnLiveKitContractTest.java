package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageSetup;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarController;
import app.avatarcall.avatar.liveavatar.fake.FakeLiveAvatarSocket;
import app.avatarcall.avatar.livekit.fake.FakeLiveKitServer;
import app.avatarcall.testing.FreePort;
import app.avatarcall.testing.TestBeans;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.google.protobuf.util.JsonFormat;
import io.livekit.server.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * LiveAvatar LITE with the operator's own LiveKit server, as the application wires it (LIVEKIT_URL set,
 * LIVEAVATAR_MODE=LITE, a speech synthesizer), against the fakes of LiveAvatar, LiveKit's server API and OpenAI's
 * speech endpoint, over real HTTP, a real WebSocket and signed webhooks.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "fake-liveavatar", "fake-livekit", "fake-tts"})
@Import(TestBeans.class)
class LiveAvatarOwnLiveKitContractTest {

    private static final String KEY = "devkey";
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final int PORT = FreePort.find();
    private static final AvatarSpec SPEC = new AvatarSpec("ava", "female", Locale.forLanguageTag("ru"));

    @DynamicPropertySource
    static void ownLiveKitAndLiteMode(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("livekit.url", () -> "ws://localhost:" + PORT);
        registry.add("livekit.api-key", () -> KEY);
        registry.add("livekit.api-secret", () -> SECRET);
        registry.add("liveavatar.mode", () -> "LITE");
        registry.add("liveavatar.api-key", () -> "fake-liveavatar-key");
        registry.add("liveavatar.base-url", () -> "http://localhost:" + PORT + "/fake-liveavatar");
        registry.add("liveavatar.sandbox", () -> "true");
    }

    @Autowired
    LiveAvatarProvider provider;
    @Autowired
    FakeLiveKitServer liveKit;
    @Autowired
    FakeLiveAvatarController liveAvatar;
    @Autowired
    FakeLiveAvatarSocket sockets;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<AvatarSession> sessions = new ArrayList<>();
    private final List<AvatarEvent> events = new CopyOnWriteArrayList<>();

    private AvatarSession open() {
        AvatarSession session = provider.open(SPEC);
        sessions.add(session);
        session.onEvent(events::add);
        return session;
    }

    @AfterEach
    void closeAll() throws Exception {
        sessions.forEach(session -> session.close("test over"));
        await(() -> sessions.stream().noneMatch(session -> liveAvatar.endReason(session.id()) == null));
    }

    @Test
    void liveavatar_gets_our_room_and_a_token_for_its_avatar_and_the_browser_joins_our_server_as_the_person()
            throws Exception {
        AvatarSession session = open();

        Map<String, Object> config = liveAvatar.liveKitConfig(session.id()).orElseThrow();
        String room = (String) config.get("livekit_room");
        assertThat(config.get("livekit_url")).isEqualTo("ws://localhost:" + PORT);
        assertThat(room).startsWith("avatar-call-");
        assertThat(liveKit.roomNames()).contains(room);
        DecodedJWT avatar = verified((String) config.get("livekit_client_token"));
        assertThat(avatar.getClaim("video").asMap()).containsEntry("room", room).containsEntry("roomJoin", true)
                .containsEntry("canPublishSources", List.of("camera", "microphone"));

        StageSetup.LiveKitRoom stage = (StageSetup.LiveKitRoom) session.stage();
        DecodedJWT person = verified(stage.clientToken());
        assertThat(stage.url()).isEqualTo("ws://localhost:" + PORT);
        assertThat(person.getSubject()).isEqualTo("person");
        assertThat(person.getClaim("video").asMap()).containsEntry("room", room)
                .containsEntry("canPublishSources", List.of("microphone"));
        assertThat(stage.avatarIdentity()).isEqualTo(avatar.getSubject()); // the tracks the stage shows are the avatar's
        assertThat(stage.toString()).doesNotContain(SECRET).doesNotContain("fake-liveavatar-key");

        String id = session.speak("Привет из нашей комнаты.", SpeechMode.REPEAT);
        await(() -> events.contains(new AvatarEvent.SpeakingEnded(id, false)));
        assertThat(sockets.heard(session.id()).orElseThrow().problems()).isEmpty();
    }

    @Test
    void the_person_leaving_the_room_ends_the_session_and_closing_it_deletes_the_room() throws Exception {
        AvatarSession session = open();
        String room = room(session);

        assertThat(webhook("participant_joined", room, "person")).isEqualTo(200);
        assertThat(events).isEmpty();
        assertThat(webhook("participant_left", room, "person")).isEqualTo(200);

        await(() -> events.contains(new AvatarEvent.SessionStopped("the person left the LiveKit room")));
        session.close("the call ends, as the call service does on a stop");
        await(() -> !liveKit.roomNames().contains(room));
        await(() -> "USER_CLOSED".equals(liveAvatar.endReason(session.id())));
    }

    @Test
    void the_avatar_leaving_or_the_room_finishing_ends_the_session_and_a_stranger_leaving_does_not() throws Exception {
        AvatarSession first = open();
        AvatarSession second = open();

        assertThat(webhook("participant_left", room(first), "someone-else")).isEqualTo(200);
        assertThat(webhook("participant_left", room(first), "liveavatar-avatar")).isEqualTo(200);
        assertThat(webhook("room_finished", room(second), null)).isEqualTo(200);

        await(() -> events.size() == 2);
        assertThat(events).containsExactlyInAnyOrder(new AvatarEvent.SessionStopped("the avatar left the LiveKit room"),
                new AvatarEvent.SessionStopped("the LiveKit room is gone"));
    }

    @Test
    void a_start_that_is_refused_leaves_neither_a_session_nor_a_room() throws Exception {
        open();
        open();
        open(); // the fake's plan allows three at once
        Set<String> rooms = liveKit.roomNames();

        assertThatThrownBy(this::open).isInstanceOf(AvatarBusyException.class);

        await(() -> liveKit.roomNames().equals(rooms));
    }

    private String room(AvatarSession session) {
        return (String) liveAvatar.liveKitConfig(session.id()).orElseThrow().get("livekit_room");
    }

    private static DecodedJWT verified(String token) {
        return JWT.require(Algorithm.HMAC256(SECRET)).withIssuer(KEY).build().verify(token);
    }

    /** Posts a webhook as LiveKit sends it: signed with the API secret over the body's hash. */
    private int webhook(String event, String room, String identity) throws Exception {
        WebhookEvent.Builder builder = WebhookEvent.newBuilder().setEvent(event).setId("EV_" + event)
                .setCreatedAt(1_700_000_000L).setRoom(LivekitModels.Room.newBuilder().setName(room));
        if (identity != null) {
            builder.setParticipant(LivekitModels.ParticipantInfo.newBuilder().setIdentity(identity));
        }
        String body = JsonFormat.printer().print(builder);
        AccessToken signature = new AccessToken(KEY, SECRET);
        signature.setSha256(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8))));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/livekit/webhook"))
                .header("Content-Type", "application/webhook+json").header("Authorization", signature.toJwt())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(condition.getAsBoolean()).as("condition met within 15 s").isTrue();
    }

}
