package app.avatarcall.call;

import java.time.Duration;
import java.util.UUID;

/** A provider opened an avatar session for a call; {@code prewarm}: while it was still ringing. */
public record AvatarSessionOpened(UUID callId, String provider, Duration took, boolean prewarm) {
}
