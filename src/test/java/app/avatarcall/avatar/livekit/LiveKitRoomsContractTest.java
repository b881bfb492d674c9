package app.avatarcall.avatar.livekit;

import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.livekit.fake.FakeLiveKitServer;
import app.avatarcall.testing.FreePort;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.google.protobuf.util.JsonFormat;
import io.livekit.server.AccessToken;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** Our rooms on an operator's LiveKit server, against the in-process fake of its server API, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "fake-livekit"})
@Import(TestBeans.class)
class LiveKitRoomsContractTest {

    private static final String KEY = "devkey";
    private static final String SECRET = "a-secret-of-at-least-thirty-two-characters";
    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void liveKit(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("livekit.url", () -> "ws://localhost:" + PORT);
        registry.add("livekit.api-key", () -> KEY);
        registry.add("livekit.api-secret", () -> SECRET);
    }

    @Autowired
    LiveKitRooms rooms;
    @Autowired
    FakeLiveKitServer server;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void a_lease_creates_a_room_of_ours_and_closing_it_deletes_it() {
        RoomLease lease = rooms.lease();
        assertThat(lease.room()).startsWith("avatar-call-");
        assertThat(lease.url()).isEqualTo("ws://localhost:" + PORT);
        assertThat(server.roomNames()).contains(lease.room());

        lease.close();
        lease.close(); // idempotent, and never throws

        assertThat(server.roomNames()).doesNotContain(lease.room());
    }

    @Test
    void tokens_let_the_person_and_the_avatar_into_their_room_only_for_a_short_while() {
        try (RoomLease lease = rooms.lease()) {
            DecodedJWT person = JWT.decode(lease.personToken("person-1"));
            DecodedJWT avatar = JWT.decode(lease.avatarToken("avatar"));

            assertThat(person.getIssuer()).isEqualTo(KEY);
            assertThat(person.getSubject()).isEqualTo("person-1");
            Map<String, Object> grant = person.getClaim("video").asMap();
            assertThat(grant).containsEntry("room", lease.room()).containsEntry("roomJoin", true)
                    .containsEntry("canPublishSources", List.of("microphone"))
                    .doesNotContainKeys("roomCreate", "roomAdmin", "roomList");
            assertThat(avatar.getClaim("video").asMap().get("canPublishSources"))
                    .isEqualTo(List.of("camera", "microphone"));
            assertThat(Duration.between(Instant.now(), person.getExpiresAtAsInstant()))
                    .isBetween(Duration.ofMinutes(9), Duration.ofMinutes(10));
        }
    }

    @Test
    void a_server_that_refuses_our_credentials_makes_the_avatar_unavailable() {
        LiveKitRooms wrong = new LiveKitRooms(new LiveKitProperties(URI.create("ws://localhost:" + PORT), null, KEY,
                "not-the-secret-not-the-secret-not-the", Duration.ofMinutes(10), "avatar-call-", Duration.ofMinutes(2)),
                clock);
        assertThatThrownBy(wrong::lease).isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("401");
    }

    @Test
    void rooms_no_call_owns_are_deleted_but_young_ones_and_other_apps_rooms_are_spared() {
        server.leftBehind("avatar-call-crashed", 600);
        server.leftBehind("avatar-call-opening-now", 30);
        server.leftBehind("someone-elses-room", 600);
        try (RoomLease owned = rooms.lease()) {
            clock.advance(Duration.ofMinutes(5));

            int deleted = rooms.deleteOrphans();

            assertThat(deleted).isEqualTo(2); // the crashed one, and the one that was young five minutes ago
            assertThat(server.roomNames()).contains(owned.room(), "someone-elses-room")
                    .doesNotContain("avatar-call-crashed", "avatar-call-opening-now");
        }
    }

    @Test
    void a_signed_webhook_reaches_the_lease_of_its_room() throws Exception {
        List<RoomEvent> heard = new CopyOnWriteArrayList<>();
        try (RoomLease lease = rooms.lease()) {
            lease.onEvent(heard::add);
            String left = webhook("participant_left", lease.room(), "person-1");
            String finished = webhook("room_finished", lease.room(), null);

            assertThat(post(left, sign(left, SECRET)).statusCode()).isEqualTo(200);
            assertThat(post(finished, sign(finished, SECRET)).statusCode()).isEqualTo(200);

            assertThat(heard).containsExactly(new RoomEvent.ParticipantLeft("person-1"), new RoomEvent.RoomFinished());
        }
    }

    @Test
    void a_forged_or_tampered_webhook_is_refused_and_changes_nothing() throws Exception {
        List<RoomEvent> heard = new CopyOnWriteArrayList<>();
        try (RoomLease lease = rooms.lease()) {
            lease.onEvent(heard::add);
            String body = webhook("participant_left", lease.room(), "person-1");
            String tampered = webhook("participant_left", lease.room(), "avatar");

            assertThat(post(body, sign(body, "another-secret-of-at-least-thirty-two-chars")).statusCode()).isEqualTo(401);
            assertThat(post(tampered, sign(body, SECRET)).statusCode()).isEqualTo(401); // signed a different body
            assertThat(post(body, null).statusCode()).isEqualTo(401);
            assertThat(heard).isEmpty();
        }
    }

    private static String webhook(String event, String room, String identity) throws IOException {
        WebhookEvent.Builder builder = WebhookEvent.newBuilder().setEvent(event).setId("EV_" + event)
                .setCreatedAt(1_700_000_000L).setRoom(LivekitModels.Room.newBuilder().setName(room));
        if (identity != null) {
            builder.setParticipant(LivekitModels.ParticipantInfo.newBuilder().setIdentity(identity));
        }
        return JsonFormat.printer().print(builder);
    }

    /** What LiveKit sends: a token signed with the API secret whose sha256 claim is the body's hash. */
    private static String sign(String body, String secret) throws Exception {
        AccessToken token = new AccessToken(KEY, secret);
        token.setSha256(Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        return token.toJwt();
    }

    private HttpResponse<String> post(String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + "/livekit/webhook"))
                .header("Content-Type", "application/webhook+json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
