package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.LiveKitConfig;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import app.avatarcall.avatar.livekit.LiveKitRooms;
import app.avatarcall.avatar.livekit.RoomLease;
import app.avatarcall.avatar.speech.SpeechSynthesizer;
import java.time.Duration;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens LITE-mode sessions: leases a room on the operator's LiveKit server when there is one and hands LiveAvatar
 * its address, name and an avatar token for it ({@code livekit_config}); creates and starts the session; connects
 * its WebSocket and waits until LiveAvatar says it is connected. Whatever fails on the way, nothing is left behind:
 * the session is stopped and the room deleted.
 */
final class LiveAvatarLite {

    private static final Logger log = LoggerFactory.getLogger(LiveAvatarLite.class);

    private final LiveAvatarApi api;
    private final LiveAvatarProperties properties;
    private final @Nullable LiveKitRooms rooms;
    private final SpeechSynthesizer speech;
    private final Executor background;
    /** WebSockets stay open for a whole call, silent for minutes: no read or call timeout. */
    private final OkHttpClient sockets;

    LiveAvatarLite(LiveAvatarApi api, LiveAvatarProperties properties, @Nullable LiveKitRooms rooms,
                   SpeechSynthesizer speech, Executor background) {
        this.api = api;
        this.properties = properties;
        this.rooms = rooms;
        this.speech = speech;
        this.background = background;
        this.sockets = new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
                .readTimeout(Duration.ZERO).callTimeout(Duration.ZERO).build();
    }

    AvatarSession open(String avatarId, AvatarSpec spec) {
        RoomLease room = rooms == null ? null : rooms.lease();
        try {
            LiveKitConfig config = room == null ? null
                    : new LiveKitConfig(room.url(), room.room(), room.avatarToken(LiveAvatarLiteSession.AVATAR_IDENTITY));
            SessionToken token = api.createLiteToken(avatarId, properties.sandbox(), config);
            StartedSession started;
            try {
                started = api.start(token);
            } catch (RuntimeException e) {
                // The token made a session on LiveAvatar's side: it must not linger even though it never started.
                stopInBackground(token.sessionId());
                throw e;
            }
            LiveAvatarLiteSession session;
            try {
                session = new LiveAvatarLiteSession(api, token, started, room, sockets, speech, spec.language(),
                        properties.callTimeout(), background);
            } catch (RuntimeException e) {
                stopInBackground(started.sessionId());
                throw e;
            }
            if (!session.awaitConnected(properties.callTimeout())) {
                session.close("its WebSocket never connected"); // stops the session and deletes the room
                throw new AvatarUnavailableException("LiveAvatar's WebSocket for LITE session " + started.sessionId()
                        + " did not connect within " + properties.callTimeout().toSeconds() + " s");
            }
            return session;
        } catch (RuntimeException e) {
            if (room != null) {
                room.close(); // idempotent: a session that closed already deleted it
            }
            throw e;
        }
    }

    private void stopInBackground(String sessionId) {
        background.execute(() -> {
            try {
                api.stop(sessionId, "USER_CLOSED");
            } catch (RuntimeException e) {
                log.warn("LiveAvatar session {} could not be stopped; reconciliation will", sessionId, e);
            }
        });
    }
}
