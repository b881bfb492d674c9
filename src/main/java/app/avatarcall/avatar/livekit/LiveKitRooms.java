package app.avatarcall.avatar.livekit;

import app.avatarcall.avatar.AvatarUnavailableException;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.VideoGrant;
import io.livekit.server.WebhookReceiver;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import livekit.LivekitModels;
import livekit.LivekitWebhook.WebhookEvent;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import retrofit2.Response;

/**
 * The rooms we own on the operator's LiveKit server: leases them to avatar sessions, mints their tokens, routes
 * the server's webhooks to the lease of the room they are about, and deletes rooms that no lease holds any more.
 */
@Component
@ConditionalOnProperty("livekit.url")
public class LiveKitRooms {

    private static final Logger log = LoggerFactory.getLogger(LiveKitRooms.class);
    /** A room nobody joins is closed by the server after this (seconds). */
    private static final int EMPTY_TIMEOUT = 60;
    /** The person, the avatar, and one spare for a reconnect that overlaps the old connection. */
    private static final int MAX_PARTICIPANTS = 3;

    private final LiveKitProperties properties;
    private final String apiKey;
    private final String apiSecret;
    private final RoomServiceClient server;
    private final WebhookReceiver webhooks;
    private final Clock clock;
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();

    LiveKitRooms(LiveKitProperties properties, Clock clock) {
        if (properties.apiKey() == null || properties.apiKey().isBlank()
                || properties.apiSecret() == null || properties.apiSecret().isBlank()) {
            throw new IllegalStateException("LIVEKIT_URL is set, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be too");
        }
        this.properties = properties;
        this.apiKey = properties.apiKey();
        this.apiSecret = properties.apiSecret();
        OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(10)).build();
        this.server = RoomServiceClient.createClient(properties.serverApi(), apiKey, apiSecret, () -> http);
        this.webhooks = new WebhookReceiver(apiKey, apiSecret);
        this.clock = clock;
    }

    /**
     * Creates a room of ours; the caller closes the lease when its session ends.
     *
     * @throws AvatarUnavailableException when the LiveKit server refuses or cannot be reached
     */
    public RoomLease lease() {
        String room = properties.roomPrefix() + UUID.randomUUID();
        try {
            execute(server.createRoom(room, EMPTY_TIMEOUT, MAX_PARTICIPANTS), "create room " + room);
        } catch (IllegalStateException e) {
            throw new AvatarUnavailableException(e.getMessage(), e);
        }
        Lease lease = new Lease(room);
        leases.put(room, lease);
        return lease;
    }

    /**
     * Verifies a webhook (signature and body hash) and hands it to the lease of its room.
     *
     * @throws SecurityException when the signature does not verify
     */
    public void receive(String body, @Nullable String authorization) {
        WebhookEvent event;
        try {
            event = webhooks.receive(body, authorization == null ? "" : authorization);
        } catch (RuntimeException e) {
            throw new SecurityException("LiveKit webhook not verified: " + e.getMessage(), e);
        }
        Lease lease = leases.get(event.getRoom().getName());
        if (lease == null) {
            return; // not ours, or already over
        }
        switch (event.getEvent()) {
            case "participant_joined" -> lease.tell(new RoomEvent.ParticipantJoined(event.getParticipant().getIdentity()));
            case "participant_left" -> lease.tell(new RoomEvent.ParticipantLeft(event.getParticipant().getIdentity()));
            case "room_finished" -> lease.tell(new RoomEvent.RoomFinished());
            default -> { } // track and egress events say nothing a call needs
        }
    }

    /**
     * Deletes our rooms that no lease holds (left by a crash or a lost delete), sparing young ones. Returns how many
     * it deleted.
     */
    @Scheduled(fixedDelayString = "${livekit.clean-up-every:5m}", initialDelayString = "${livekit.clean-up-every:5m}")
    public int deleteOrphans() {
        Instant youngest = clock.instant().minus(properties.roomGrace());
        List<LivekitModels.Room> rooms = execute(server.listRooms(), "list rooms");
        int deleted = 0;
        for (LivekitModels.Room room : rooms == null ? List.<LivekitModels.Room>of() : rooms) {
            if (room.getName().startsWith(properties.roomPrefix()) && !leases.containsKey(room.getName())
                    && Instant.ofEpochSecond(room.getCreationTime()).isBefore(youngest)) {
                delete(room.getName());
                deleted++;
            }
        }
        if (deleted > 0) {
            log.warn("deleted {} LiveKit rooms that no call owned", deleted);
        }
        return deleted;
    }

    private void delete(String room) {
        try {
            execute(server.deleteRoom(room), "delete room " + room);
        } catch (RuntimeException e) {
            log.warn("could not delete LiveKit room {}: {}", room, e.getMessage()); // the clean-up tries again
        }
    }

    private String token(String room, String identity, VideoGrant... grants) {
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.setIdentity(identity);
        token.setTtl(properties.tokenTtl().toMillis());
        token.addGrants(new RoomJoin(true), new RoomName(room));
        token.addGrants(grants);
        return token.toJwt();
    }

    private static <T> @Nullable T execute(retrofit2.Call<T> call, String what) {
        try {
            Response<T> response = call.execute();
            if (response.code() == 404 && what.startsWith("delete")) {
                return null; // already gone
            }
            if (!response.isSuccessful()) {
                throw new IllegalStateException("LiveKit refused to " + what + ": HTTP " + response.code());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("LiveKit did not answer to " + what + ": " + e.getMessage(), e);
        }
    }

    private final class Lease implements RoomLease {

        private final String room;
        private volatile Consumer<RoomEvent> listener = event -> { };

        Lease(String room) {
            this.room = room;
        }

        @Override
        public String room() {
            return room;
        }

        @Override
        public String url() {
            return String.valueOf(properties.url());
        }

        @Override
        public String personToken(String identity) {
            return token(room, identity, new CanSubscribe(true), new CanPublishData(true), new CanPublish(true),
                    new CanPublishSources(List.of("microphone")));
        }

        @Override
        public String avatarToken(String identity) {
            return token(room, identity, new CanSubscribe(true), new CanPublishData(true), new CanPublish(true),
                    new CanPublishSources(List.of("camera", "microphone")));
        }

        @Override
        public void onEvent(Consumer<RoomEvent> listener) {
            this.listener = listener;
        }

        void tell(RoomEvent event) {
            listener.accept(event);
        }

        @Override
        public void close() {
            if (leases.remove(room) != null) {
                delete(room);
            }
        }
    }
}
