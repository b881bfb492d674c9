package app.avatarcall.call;

import java.time.Duration;
import java.util.UUID;

/** The avatar started answering the person: {@code waited} is from their message to its first word. */
public record AvatarReplied(UUID callId, String provider, Duration waited) {
}
