package app.avatarcall.telegram.bot;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A Bot API call that did not go through, after the retries it deserved.
 *
 * @param errorCode   Telegram's {@code error_code} (the HTTP status), or 0 when no answer came
 * @param description Telegram's {@code description}, e.g. "Forbidden: bot was blocked by the user"
 * @param retryAfter  for a 429, how long Telegram asked to wait
 */
public class BotApiException extends RuntimeException {

    private final int errorCode;
    private final @Nullable Duration retryAfter;

    BotApiException(String method, int errorCode, String description, @Nullable Duration retryAfter,
                    @Nullable Throwable cause) {
        super(method + " failed: " + (errorCode == 0 ? "" : "[" + errorCode + "] ") + description, cause);
        this.errorCode = errorCode;
        this.retryAfter = retryAfter;
    }

    public int errorCode() {
        return errorCode;
    }

    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /** The person blocked the bot (or deleted their account): nothing can be sent to them. */
    public boolean blocked() {
        return errorCode == 403;
    }

    /** Worth trying again later: Telegram was busy, failing or unreachable. */
    public boolean temporary() {
        return errorCode == 0 || errorCode == 429 || errorCode >= 500;
    }
}
