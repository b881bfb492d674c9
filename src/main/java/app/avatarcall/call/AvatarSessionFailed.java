package app.avatarcall.call;

import java.util.UUID;

/**
 * The provider failed a call: a session did not open, or a keep-alive was refused. {@code error} is the kind of
 * failure (an exception's simple name), not its message.
 */
public record AvatarSessionFailed(UUID callId, String provider, String error) {
}
