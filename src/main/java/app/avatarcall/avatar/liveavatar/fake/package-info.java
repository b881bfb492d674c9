/**
 * An in-process LiveAvatar, serving the same paths, envelopes, errors and limits as the real API (see
 * ../shared/avatar-apis.md): single-use session tokens, the session state machine, a concurrency cap, idle timeout
 * and duration limit, 401/422/429 answers and configurable latency. On with the {@code fake-liveavatar} profile;
 * point {@code LIVEAVATAR_BASE_URL} at {@code http://localhost:8080/fake-liveavatar}.
 */
@NullMarked
package app.avatarcall.avatar.liveavatar.fake;

import org.jspecify.annotations.NullMarked;
