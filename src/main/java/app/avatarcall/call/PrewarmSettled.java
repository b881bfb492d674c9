package app.avatarcall.call;

import java.util.UUID;

/**
 * A call that pre-warmed an avatar session is over: {@code used} if it went live on that session, else the vendor
 * billed for a session nobody saw (declined, missed, or given to a newer call).
 */
public record PrewarmSettled(UUID callId, String provider, boolean used) {
}
