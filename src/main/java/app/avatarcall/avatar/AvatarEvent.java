package app.avatarcall.avatar;

/** What happened to an avatar session, in the order it happened. */
public sealed interface AvatarEvent {

    /** Video (or the demo face) is showing: the call can go live. */
    record StreamReady() implements AvatarEvent {
    }

    record SpeakingStarted(String utteranceId) implements AvatarEvent {
    }

    /** The caption of what the avatar is saying grew. */
    record CaptionUpdated(String utteranceId, String spokenText) implements AvatarEvent {
    }

    record SpeakingEnded(String utteranceId, boolean interrupted) implements AvatarEvent {
    }

    record ConnectionChanged(ConnectionQuality quality) implements AvatarEvent {
    }

    /**
     * The provider heard the person say {@code text} (its own speech recognition, for sessions that
     * {@link AvatarSession#listensToPerson() listen to the person}): it is the person's message, like a typed one.
     */
    record PersonSpoke(String text) implements AvatarEvent {
    }

    /** The session is over from the provider's side (or the stage failed); the call must end. */
    record SessionStopped(String reason) implements AvatarEvent {
    }
}
