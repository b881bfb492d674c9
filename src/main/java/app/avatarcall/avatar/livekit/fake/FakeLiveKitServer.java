package app.avatarcall.avatar.livekit.fake;

import app.avatarcall.avatar.livekit.LiveKitProperties;
import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitRoom.CreateRoomRequest;
import livekit.LivekitRoom.DeleteRoomRequest;
import livekit.LivekitRoom.DeleteRoomResponse;
import livekit.LivekitRoom.ListParticipantsRequest;
import livekit.LivekitRoom.ListParticipantsResponse;
import livekit.LivekitRoom.ListRoomsRequest;
import livekit.LivekitRoom.ListRoomsResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** LiveKit's {@code RoomService} as the server SDK calls it. Rooms live in memory. */
@RestController
@Profile("fake-livekit")
@RequestMapping(path = "/twirp/livekit.RoomService", consumes = "application/protobuf")
public class FakeLiveKitServer {

    private static final MediaType PROTOBUF = MediaType.parseMediaType("application/protobuf");

    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> participants = new ConcurrentHashMap<>();
    private final LiveKitProperties properties;
    private final Clock clock;

    FakeLiveKitServer(LiveKitProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/CreateRoom")
    ResponseEntity<?> createRoom(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                 @RequestBody(required = false) byte @Nullable [] body) throws InvalidProtocolBufferException {
        ResponseEntity<?> refused = refuse(auth, "roomCreate");
        if (refused != null) {
            return refused;
        }
        CreateRoomRequest request = CreateRoomRequest.parseFrom(orEmpty(body));
        if (request.getName().isBlank()) {
            return twirpError(400, "invalid_argument", "room name is required");
        }
        Room room = rooms.computeIfAbsent(request.getName(), name -> Room.newBuilder()
                .setSid("RM_" + Integer.toHexString(name.hashCode())).setName(name)
                .setEmptyTimeout(request.getEmptyTimeout()).setMaxParticipants(request.getMaxParticipants())
                .setCreationTime(clock.instant().getEpochSecond()).build());
        return protobuf(room);
    }

    @PostMapping("/ListRooms")
    ResponseEntity<?> listRooms(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                @RequestBody(required = false) byte @Nullable [] body) throws InvalidProtocolBufferException {
        ResponseEntity<?> refused = refuse(auth, "roomList");
        if (refused != null) {
            return refused;
        }
        ListRoomsRequest request = ListRoomsRequest.parseFrom(orEmpty(body));
        Collection<Room> listed = request.getNamesCount() == 0 ? rooms.values()
                : rooms.values().stream().filter(room -> request.getNamesList().contains(room.getName())).toList();
        return protobuf(ListRoomsResponse.newBuilder().addAllRooms(listed).build());
    }

    @PostMapping("/DeleteRoom")
    ResponseEntity<?> deleteRoom(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                 @RequestBody(required = false) byte @Nullable [] body) throws InvalidProtocolBufferException {
        ResponseEntity<?> refused = refuse(auth, "roomCreate");
        if (refused != null) {
            return refused;
        }
        String name = DeleteRoomRequest.parseFrom(orEmpty(body)).getRoom();
        if (rooms.remove(name) == null) {
            return twirpError(404, "not_found", "requested room does not exist");
        }
        participants.remove(name);
        return protobuf(DeleteRoomResponse.getDefaultInstance());
    }

    @PostMapping("/ListParticipants")
    ResponseEntity<?> listParticipants(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                       @RequestBody(required = false) byte @Nullable [] body) throws InvalidProtocolBufferException {
        String name = ListParticipantsRequest.parseFrom(orEmpty(body)).getRoom();
        ResponseEntity<?> refused = refuse(auth, "roomAdmin");
        if (refused != null) {
            return refused;
        }
        List<ParticipantInfo> list = participants.getOrDefault(name, Set.of()).stream()
                .map(identity -> ParticipantInfo.newBuilder().setIdentity(identity).build()).toList();
        return protobuf(ListParticipantsResponse.newBuilder().addAllParticipants(list).build());
    }

    /** The rooms that exist now, by name (for tests and a local look). */
    public Set<String> roomNames() {
        return Set.copyOf(rooms.keySet());
    }

    /** A room left behind by someone else: created {@code secondsAgo}, as after a crash. */
    public void leftBehind(String name, long secondsAgo) {
        rooms.put(name, Room.newBuilder().setName(name)
                .setCreationTime(clock.instant().getEpochSecond() - secondsAgo).build());
    }

    private @Nullable ResponseEntity<?> refuse(@Nullable String auth, String grant) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return twirpError(401, "unauthenticated", "no authorization header");
        }
        DecodedJWT jwt;
        try {
            jwt = JWT.require(Algorithm.HMAC256(String.valueOf(properties.apiSecret())))
                    .withIssuer(String.valueOf(properties.apiKey())).build().verify(auth.substring("Bearer ".length()));
        } catch (JWTVerificationException e) {
            return twirpError(401, "unauthenticated", "invalid token: " + e.getMessage());
        }
        Map<String, Object> video = jwt.getClaim("video").asMap();
        if (video == null || !Boolean.TRUE.equals(video.get(grant))) {
            return twirpError(403, "permission_denied", "permissions denied: " + grant + " is required");
        }
        return null;
    }

    /** An empty message is zero bytes on the wire. */
    private static byte[] orEmpty(byte @Nullable [] body) {
        return body == null ? new byte[0] : body;
    }

    private static ResponseEntity<byte[]> protobuf(MessageLite message) {
        return ResponseEntity.ok().contentType(PROTOBUF).body(message.toByteArray());
    }

    private static ResponseEntity<Map<String, String>> twirpError(int status, String code, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("code", code, "msg", message));
    }
}
