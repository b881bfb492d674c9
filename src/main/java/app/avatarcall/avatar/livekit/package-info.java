/**
 * The operator's own LiveKit server (optional: {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY},
 * {@code LIVEKIT_API_SECRET}). Vendors that can stream into a room we own lease one here: the room gets our name,
 * the person and the avatar get tokens we mint with short lives and only the grants they need, LiveKit's webhooks
 * (verified with the SDK's receiver) tell the lease when someone leaves, and rooms that outlive their call are
 * deleted.
 */
@NullMarked
package app.avatarcall.avatar.livekit;

import org.jspecify.annotations.NullMarked;
