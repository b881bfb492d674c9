package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.llm.LlmFailure.Kind;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;

/**
 * Whether and when a failed request is asked again: only while no word of the reply has come (so nothing is said
 * twice), only for failures that may pass (no connection, 429, 5xx), after the server's {@code Retry-After} or a
 * back-off that doubles with some jitter, and never after a longer wait than a person on a call would bear.
 */
final class Retries {

    private final LlmProperties properties;

    Retries(LlmProperties properties) {
        this.properties = properties;
    }

    /** The failure an HTTP error status stands for, with the server's message and wish to be asked later. */
    static LlmFailure refused(Response response, CompletionReader reader) throws IOException {
        int status = response.code();
        Kind kind = switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 429 -> Kind.RATE_LIMITED;
            case 408 -> Kind.SERVER_ERROR;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.REFUSED;
        };
        return new LlmFailure(kind, status, reader.errorMessage(response.peekBody(4096).string()), retryAfter(response));
    }

    /** How long to wait before asking again; null when asking again is not safe or not worth it. */
    @Nullable Duration wait(LlmFailure failure, int retry, int tokensHeard, long replyDeadline) {
        if (retry >= properties.retries() || tokensHeard > 0 || !failure.kind().isTransient()) {
            return null;
        }
        Duration wait = failure.retryAfter();
        if (wait == null) {
            double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
            wait = Duration.ofMillis((long) (properties.retryBackoff().toMillis() * Math.pow(2, retry) * jitter));
            wait = wait.compareTo(properties.maxRetryWait()) > 0 ? properties.maxRetryWait() : wait;
        }
        boolean tooLate = System.nanoTime() + wait.toNanos() >= replyDeadline;
        return wait.compareTo(properties.maxRetryWait()) > 0 || tooLate ? null : wait;
    }

    /** {@code retry-after-ms} (OpenAI), or {@code Retry-After} in seconds or as an HTTP date. */
    static @Nullable Duration retryAfter(Response response) {
        try {
            String millis = response.header("retry-after-ms");
            if (millis != null) {
                return Duration.ofMillis((long) Double.parseDouble(millis));
            }
            String after = response.header("Retry-After");
            if (after == null) {
                return null;
            }
            if (after.strip().matches("\\d+(\\.\\d+)?")) {
                return Duration.ofMillis((long) (Double.parseDouble(after.strip()) * 1000));
            }
            Duration until = Duration.between(Instant.now(),
                    ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null; // a header we cannot read is as good as none
        }
    }
}
