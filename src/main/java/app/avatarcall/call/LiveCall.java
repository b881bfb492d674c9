package app.avatarcall.call;

import app.avatarcall.avatar.ConnectionQuality;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A live call as the operator sees it, at one moment. Names only a Telegram user (their id and first name); a web
 * visitor's browser key never leaves the server.
 *
 * @param telegramId  the Telegram user's id, or none for a web visitor
 * @param duration    how long the person has been in the call (zero before it went live)
 * @param lastActivity when the person or the avatar last did something
 * @param connection  the stage's last report on the connection, or none yet
 */
public record LiveCall(UUID id, @Nullable String telegramId, @Nullable String firstName, String avatarId,
                       String avatarName, String provider, CallState state, Instant ringingAt, Duration duration,
                       Instant lastActivity, @Nullable ConnectionQuality connection) {
}
