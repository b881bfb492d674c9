package app.avatarcall.conversation.llm;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why a reply could not be had, for logs and for deciding whether asking again is safe and worth it.
 *
 * @param status     the HTTP status, 0 when there was none
 * @param detail     what the server or the connection said (never the key)
 * @param retryAfter how long the server asked us to wait (429, 503), if it said
 */
record LlmFailure(Kind kind, int status, String detail, @Nullable Duration retryAfter) {

    enum Kind {
        /** No connection (refused, unknown host, connect timeout): nothing was sent that could have been answered. */
        CONNECT(true),
        /** The connection broke before the reply ended. */
        DROPPED(true),
        FIRST_TOKEN_TIMEOUT(false),
        TOKEN_TIMEOUT(false),
        REPLY_TIMEOUT(false),
        /** 401 or 403: the key is wrong; asking again changes nothing. */
        UNAUTHORIZED(false),
        RATE_LIMITED(true),
        /** 5xx, 408, or an error event inside the stream. */
        SERVER_ERROR(true),
        /** Any other 4xx: an unknown model, a request the server does not take. */
        REFUSED(false),
        /** Not the Chat Completions stream it should be. */
        MALFORMED(false);

        private final boolean transient_;

        Kind(boolean transient_) {
            this.transient_ = transient_;
        }

        /** Worth asking again, if no word of the reply has arrived yet. */
        boolean isTransient() {
            return transient_;
        }
    }

    LlmFailure(Kind kind, String detail) {
        this(kind, 0, detail, null);
    }

    @Override
    public String toString() {
        return kind + (status == 0 ? "" : " " + status) + ": " + detail;
    }
}
