package app.avatarcall.avatar;

/** What the browser's stage reports back; the session turns these into {@link AvatarEvent}s. */
public sealed interface StageReport {

    record Ready() implements StageReport {
    }

    record SpeakingStarted(String utteranceId) implements StageReport {
    }

    /** How much of the utterance has been said so far. */
    record CaptionProgressed(String utteranceId, String spokenText) implements StageReport {
    }

    record SpeakingEnded(String utteranceId, boolean interrupted) implements StageReport {
    }

    record ConnectionChanged(ConnectionQuality quality) implements StageReport {
    }

    record Failed(String reason) implements StageReport {
    }
}
