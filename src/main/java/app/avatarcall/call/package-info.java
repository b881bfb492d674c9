/**
 * Calls: the state machine every call follows (RINGING → CONNECTING → ACTIVE → ENDED, or DECLINED, MISSED,
 * FAILED), the service that owns live calls, their timers, and the records kept of them.
 * <p>
 * A {@link app.avatarcall.call.Call} is the one source of truth about a call; views only render its
 * {@link app.avatarcall.call.CallEvent}s and ask {@link app.avatarcall.call.CallService} to act.
 */
@NullMarked
package app.avatarcall.call;

import org.jspecify.annotations.NullMarked;
