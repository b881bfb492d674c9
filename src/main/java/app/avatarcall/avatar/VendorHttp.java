package app.avatarcall.avatar;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A vendor's JSON API over HTTP, as providers call it from the server: one OkHttp client with the vendor's timeouts,
 * JSON bodies out, the envelope's {@code data} back. A refusal becomes an {@link AvatarUnavailableException} that
 * names the vendor, the HTTP status and the vendor's own message; a concurrency or rate limit becomes an
 * {@link AvatarBusyException}. Calls that may safely be repeated are tried again with back-off after a rate limit
 * (waiting its {@code Retry-After}), a gateway error or a lost connection; the others never are.
 */
public final class VendorHttp {

    private static final Logger log = LoggerFactory.getLogger(VendorHttp.class);
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int RETRIES = 2;
    private static final Set<Integer> WORTH_REPEATING = Set.of(429, 502, 503, 504);
    /** However long a vendor asks us to wait, a call that someone is waiting for does not wait longer. */
    private static final Duration LONGEST_WAIT = Duration.ofSeconds(10);

    private final String vendor;
    private final OkHttpClient http;
    private final URI baseUrl;
    /** Null when the base URL is no HTTP address: that fails the calls, not the start of an app that may not use it. */
    private final @Nullable HttpUrl base;
    private final JsonMapper json = JsonMapper.builder().build();

    public VendorHttp(String vendor, URI baseUrl, Duration connectTimeout, Duration callTimeout) {
        this.vendor = vendor;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(connectTimeout)
                .callTimeout(callTimeout)
                .readTimeout(callTimeout)
                .build();
        this.baseUrl = baseUrl;
        this.base = HttpUrl.parse(baseUrl.toString());
    }

    /** An address under the base URL; {@code path} has no leading slash ({@code v1/sessions}). */
    public HttpUrl.Builder url(String path) {
        if (base == null) {
            throw new AvatarUnavailableException(vendor + "'s base URL " + baseUrl + " is not an HTTP address");
        }
        return base.newBuilder().addPathSegments(path);
    }

    public Request.Builder post(String path, Object body) {
        return new Request.Builder().url(url(path).build()).post(RequestBody.create(json.writeValueAsString(body), JSON));
    }

    public Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get();
    }

    /**
     * Runs a request and returns the envelope's {@code data} (a missing node when there is none).
     *
     * @param idempotent whether repeating the request is harmless, so that it may be tried again
     */
    public JsonNode call(Request.Builder request, boolean idempotent) {
        return execute(request.build(), idempotent, false, (call, response) -> {
            try (response) {
                String text = response.body().string();
                return json.readTree(text.isBlank() ? "{}" : text).path("data");
            }
        });
    }

    /**
     * Runs a request whose answer is read as it arrives (audio, for one): errors, retries and timeouts as for
     * {@link #call}, except that no deadline covers the whole answer, only each wait for more of it. The caller reads
     * the body and closes the stream, which may be done from another thread to cancel the request.
     */
    public Streamed stream(Request.Builder request, boolean idempotent) {
        return execute(request.build(), idempotent, true, Streamed::new);
    }

    private <T> T execute(Request built, boolean idempotent, boolean streamed, Answer<T> answer) {
        for (int attempt = 0; ; attempt++) {
            Call call = http.newCall(built);
            if (streamed) {
                call.timeout().clearTimeout(); // the read timeout still bounds every wait for the next bytes
            }
            Response response = null;
            try {
                response = call.execute();
                if (response.isSuccessful()) {
                    Response success = response;
                    response = null; // the answer owns it now
                    return answer.read(call, success);
                }
                int status = response.code();
                String text = response.body().string();
                if (idempotent && attempt < RETRIES && WORTH_REPEATING.contains(status)) {
                    Duration wait = retryAfter(response, attempt);
                    log.info("{} answered {} to {}; trying again in {} ms", vendor, status,
                            built.url().encodedPath(), wait.toMillis());
                    response.close();
                    response = null;
                    sleep(wait);
                    continue;
                }
                throw refusal(status, text);
            } catch (IOException e) {
                if (!idempotent || attempt >= RETRIES) {
                    throw new AvatarUnavailableException(vendor + " cannot be reached: " + e.getMessage(), e);
                }
                sleep(Duration.ofMillis(250L << attempt));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception interrupted) { // OkHttp, written in Kotlin, throws InterruptedException undeclared
                Thread.currentThread().interrupt();
                throw new AvatarUnavailableException("interrupted while waiting for " + vendor, interrupted);
            } finally {
                if (response != null) {
                    response.close();
                }
            }
        }
    }

    @FunctionalInterface
    private interface Answer<T> {
        T read(Call call, Response response) throws IOException;
    }

    /** An answer being read: its body, and a close that also cancels the request (from any thread). */
    public static final class Streamed implements AutoCloseable {

        private final Call call;
        private final Response response;

        Streamed(Call call, Response response) {
            this.call = call;
            this.response = response;
        }

        public java.io.InputStream body() {
            return response.body().byteStream();
        }

        public @Nullable String contentType() {
            return response.header("Content-Type");
        }

        /** Cancels the request if it is still being answered, and frees the connection. Idempotent. */
        @Override
        public void close() {
            call.cancel();
            response.close();
        }
    }

    private AvatarUnavailableException refusal(int status, String body) {
        JsonNode root = parse(body);
        String message = message(root, body);
        if (status == 429) {
            return new AvatarBusyException(vendor + " is rate limiting us (429): " + message);
        }
        if (message.toLowerCase(Locale.ROOT).contains("concurrent")) {
            return new AvatarBusyException(vendor + ": " + message);
        }
        JsonNode code = root.path("code").isNumber() ? root.path("code") : root.path("error").path("code");
        return new Refusal(vendor, status, code.isNumber() ? code.asInt() : null, message);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body.isBlank() ? "{}" : body);
        } catch (RuntimeException notJson) {
            return json.createObjectNode();
        }
    }

    /**
     * The vendor's own words: the envelope's {@code message} (or {@code error.message}), or FastAPI's {@code detail}
     * (a string, or a list of validation errors); else the start of the body.
     */
    private static String message(JsonNode root, String body) {
        if (root.path("message").isString()) {
            return root.path("message").asString();
        }
        if (root.path("error").path("message").isString()) {
            return root.path("error").path("message").asString();
        }
        JsonNode detail = root.path("detail");
        if (detail.isArray() && !detail.isEmpty()) {
            return detail.get(0).path("msg").asString() + " at " + detail.get(0).path("loc");
        }
        if (detail.isString()) {
            return detail.asString();
        }
        return body.length() > 200 ? body.substring(0, 200) : body;
    }

    private static Duration retryAfter(Response response, int attempt) {
        String header = response.header("Retry-After");
        Duration wait;
        try {
            wait = header == null ? Duration.ofMillis(500L << attempt) : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            wait = Duration.ofSeconds(1);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvatarUnavailableException("interrupted while waiting for " + vendor, e);
        }
    }

    /** An error answer from a vendor: its HTTP status, its own error code where it gives one, and its message. */
    public static final class Refusal extends AvatarUnavailableException {

        private final int status;
        private final @Nullable Integer code;

        Refusal(String vendor, int status, @Nullable Integer code, String message) {
            super(vendor + " answered " + status + ": " + message + (code == null ? "" : " (code " + code + ")"));
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public @Nullable Integer code() {
            return code;
        }
    }
}
