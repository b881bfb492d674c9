package app.avatarcall.ops.privacy;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a call's transcript.
 *
 * @param who {@code PERSON} or {@code AVATAR}
 */
public record TranscriptLine(UUID callId, String person, Instant at, String who, String text) {
}
