package app.avatarcall.avatar.livekit;

/** What LiveKit's webhooks said about a leased room. */
public sealed interface RoomEvent {

    record ParticipantJoined(String identity) implements RoomEvent {
    }

    record ParticipantLeft(String identity) implements RoomEvent {
    }

    /** The room is gone (emptied and closed by the server, or deleted). */
    record RoomFinished() implements RoomEvent {
    }
}
