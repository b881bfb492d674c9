package app.avatarcall.call;

import java.time.Duration;
import java.util.UUID;

/**
 * A call is over, whatever ended it. Published after its record is kept, on the thread that ended it: listeners
 * return quickly.
 *
 * @param person   who was called (a Telegram user, or a browser session)
 * @param talkTime how long the person was in the call
 */
public record CallEnded(UUID callId, String avatarId, String person, String provider, CallState outcome,
                        EndReason reason, Duration talkTime) {
}
