package app.avatarcall.avatar;

import java.util.Optional;

/** What the browser's stage reports back; the session turns these into {@link AvatarEvent}s. */
public sealed interface StageReport {

    /**
     * What this report means for any session: a stage that failed has stopped it. Data-channel messages mean
     * something only to the vendor that sent them, so they map to nothing here.
     */
    default Optional<AvatarEvent> asEvent() {
        return Optional.ofNullable(switch (this) {
            case Ready ready -> new AvatarEvent.StreamReady();
            case SpeakingStarted started -> new AvatarEvent.SpeakingStarted(started.utteranceId());
            case CaptionProgressed caption -> new AvatarEvent.CaptionUpdated(caption.utteranceId(), caption.spokenText());
            case SpeakingEnded ended -> new AvatarEvent.SpeakingEnded(ended.utteranceId(), ended.interrupted());
            case ConnectionChanged changed -> new AvatarEvent.ConnectionChanged(changed.quality());
            case Failed failed -> new AvatarEvent.SessionStopped("stage failed: " + failed.reason());
            case DataReceived data -> null;
            case AvatarAudible audible -> null;
        });
    }

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

    /** The media connection hears the avatar speak, or no longer does (LiveKit's active speakers). */
    record AvatarAudible(boolean audible) implements StageReport {
    }

    /** A message that arrived on the media connection's data channel (LiveKit), for the vendor's session. */
    record DataReceived(String topic, String payload) implements StageReport {
    }
}
