package app.avatarcall.avatar.livekit;

import java.util.function.Consumer;

/**
 * One room on our LiveKit server, leased by one avatar session. {@link #close()} deletes the room (idempotent,
 * never throws), so nobody stays connected once the call is over.
 */
public interface RoomLease extends AutoCloseable {

    String room();

    /** The server's WebSocket address, for the browser and the avatar. */
    String url();

    /** A token for the person's browser: join this room, subscribe, publish data and the microphone only. */
    String personToken(String identity);

    /** A token for the avatar: join this room, publish video, audio and data. */
    String avatarToken(String identity);

    /** Listens to what the server's webhooks say about this room; one listener, the owning session. */
    void onEvent(Consumer<RoomEvent> listener);

    @Override
    void close();
}
