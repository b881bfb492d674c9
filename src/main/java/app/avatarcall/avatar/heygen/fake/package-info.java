/**
 * An in-process HeyGen Interactive Avatar streaming API, serving the same paths, envelopes, errors and limits as the
 * real one (see ../shared/avatar-apis.md, section 1): single-use session tokens, the session state machine
 * (new → started → closed) with HeyGen's out-of-state errors, a concurrency cap, the activity idle timeout and the
 * session duration limit, 401/400/429 answers and configurable latency. On with the {@code fake-heygen} profile,
 * which also points the HeyGen provider at it ({@code /fake-heygen}, key {@code fake-heygen-key}).
 */
@NullMarked
package app.avatarcall.avatar.heygen.fake;

import org.jspecify.annotations.NullMarked;
