package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One reply being streamed: the request (asked again, after a back-off or the server's {@code Retry-After}, only
 * while no piece of the reply has arrived), the server-sent events read line by line, and a watchdog that cuts the
 * connection when the reply does not start, stalls, or takes too long.
 */
final class CompletionStream implements Answering, Runnable {

    private static final Logger log = LoggerFactory.getLogger(CompletionStream.class);

    private final OkHttpClient http;
    private final Request request;
    private final ChatCompletionsClient.Handler handler;
    private final LlmProperties properties;
    private final ScheduledExecutorService watchdog;
    private final JsonMapper json;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final long replyDeadline;
    private volatile @Nullable Attempt current;
    private int tokens;

    /** One request and its connection, watched. */
    private final class Attempt {
        final Call call = http.newCall(request);
        final long startedAt = System.nanoTime();
        volatile long lastData;
        volatile boolean dataSeen;
        volatile @Nullable Kind timedOut;
        volatile boolean over;
        volatile @Nullable ScheduledFuture<?> check;

        void watch() {
            if (over) {
                return;
            }
            long now = System.nanoTime();
            long deadline = dataSeen ? lastData + properties.tokenTimeout().toNanos()
                    : startedAt + properties.firstTokenTimeout().toNanos();
            Kind kind = dataSeen ? Kind.TOKEN_TIMEOUT : Kind.FIRST_TOKEN_TIMEOUT;
            if (replyDeadline < deadline) {
                deadline = replyDeadline;
                kind = Kind.REPLY_TIMEOUT;
            }
            if (now >= deadline) {
                timedOut = kind;
                call.cancel();
            } else {
                check = watchdog.schedule(this::watch, deadline - now, TimeUnit.NANOSECONDS);
            }
        }

        void data() {
            lastData = System.nanoTime();
            if (!dataSeen) {
                dataSeen = true;
                ScheduledFuture<?> firstTokenCheck = check;
                if (firstTokenCheck != null) {
                    firstTokenCheck.cancel(false);
                }
                watch(); // from now on the wait between pieces counts
            }
        }

        void end() {
            over = true;
            ScheduledFuture<?> pending = check;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }

    /** A failure that ends the attempt. */
    private static final class Failed extends Exception {
        final LlmFailure failure;

        Failed(LlmFailure failure) {
            super(failure.toString(), null, false, false);
            this.failure = failure;
        }
    }

    CompletionStream(OkHttpClient http, Request request, ChatCompletionsClient.Handler handler,
                     LlmProperties properties, ScheduledExecutorService watchdog, JsonMapper json) {
        this.http = http;
        this.request = request;
        this.handler = handler;
        this.properties = properties;
        this.watchdog = watchdog;
        this.json = json;
        this.replyDeadline = System.nanoTime() + properties.replyTimeout().toNanos();
    }

    @Override
    public void cancel() {
        cancelled.countDown();
        Attempt attempt = current;
        if (attempt != null) {
            attempt.call.cancel();
        }
    }

    private boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    @Override
    public void run() {
        try {
            for (int retry = 0; ; retry++) {
                LlmFailure failure = attempt();
                if (failure == null || isCancelled()) {
                    return;
                }
                Duration wait = retryWait(failure, retry);
                if (wait == null) {
                    log.warn("no reply from the language model: {}", failure);
                    handler.failed(failure);
                    return;
                }
                log.info("the language model failed ({}); asking again in {} ms", failure, wait.toMillis());
                if (cancelled.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.error("the language model's reply could not be read", e);
            if (!isCancelled()) {
                handler.failed(new LlmFailure(Kind.MALFORMED, e.toString()));
            }
        }
    }

    /** One request; null when the reply was streamed to its end (or cancelled), else why it failed. */
    private @Nullable LlmFailure attempt() {
        Attempt attempt = new Attempt();
        current = attempt;
        if (isCancelled()) {
            return null;
        }
        attempt.watch();
        boolean answered = false;
        try (Response response = attempt.call.execute()) {
            answered = true;
            if (!response.isSuccessful()) {
                return refused(response);
            }
            MediaType type = response.body().contentType();
            if (type != null && "json".equals(type.subtype())) {
                whole(response.body().string()); // a server that does not stream answers all at once
            } else {
                read(response.body().source(), attempt);
            }
            return null;
        } catch (Failed e) {
            return e.failure;
        } catch (IOException e) {
            if (isCancelled()) {
                return null;
            }
            Kind timedOut = attempt.timedOut;
            if (timedOut != null) {
                return new LlmFailure(timedOut, "no word from the model within the time allowed");
            }
            if (e instanceof SocketTimeoutException) {
                return new LlmFailure(answered ? Kind.TOKEN_TIMEOUT : Kind.CONNECT, e.toString());
            }
            return new LlmFailure(answered ? Kind.DROPPED : Kind.CONNECT, e.toString());
        } finally {
            attempt.end();
        }
    }

    /** Reads the server-sent events: {@code data:} lines, a blank line ending each event, {@code data: [DONE]}. */
    private void read(BufferedSource source, Attempt attempt) throws IOException, Failed {
        StringBuilder data = new StringBuilder();
        String finishReason = null;
        for (String line = source.readUtf8Line(); line != null; line = source.readUtf8Line()) {
            if (line.isEmpty()) {
                if (!data.isEmpty()) {
                    attempt.data();
                    String event = data.toString();
                    data.setLength(0);
                    if ("[DONE]".equals(event.strip())) {
                        complete(finishReason);
                        return;
                    }
                    finishReason = chunk(event, finishReason);
                }
            } else if (line.startsWith("data:")) {
                String value = line.substring(5);
                data.append(data.isEmpty() ? "" : "\n").append(value.startsWith(" ") ? value.substring(1) : value);
            } // comments (": keep-alive") and other fields are not for us
        }
        // The connection closed. Some servers leave out the last blank line, or [DONE] after the finish reason.
        String last = data.toString().strip();
        if (!last.isEmpty() && !"[DONE]".equals(last)) {
            finishReason = chunk(last, finishReason);
        }
        if (finishReason == null && !"[DONE]".equals(last)) {
            throw new Failed(new LlmFailure(Kind.DROPPED, "the stream ended before the reply did"));
        }
        complete(finishReason);
    }

    /** One {@code chat.completion.chunk}; returns the finish reason once one was given. */
    private @Nullable String chunk(String event, @Nullable String finishReason) throws Failed {
        JsonNode node = parse(event);
        JsonNode choices = node.get("choices");
        if (choices == null || !choices.isArray()) {
            throw new Failed(new LlmFailure(Kind.MALFORMED, "a chunk without choices: " + abbreviate(event)));
        }
        if (choices.isEmpty()) {
            return finishReason; // the usage chunk
        }
        JsonNode choice = choices.get(0);
        JsonNode content = choice.path("delta").path("content");
        if (content.isString() && !content.asString().isEmpty()) {
            token(content.asString());
        }
        JsonNode finish = choice.path("finish_reason");
        return finish.isString() ? finish.asString() : finishReason;
    }

    /** A non-streamed {@code chat.completion}. */
    private void whole(String body) throws Failed {
        JsonNode choice = parse(body).path("choices").path(0);
        JsonNode content = choice.path("message").path("content");
        if (!content.isString()) {
            throw new Failed(new LlmFailure(Kind.MALFORMED, "a completion without content: " + abbreviate(body)));
        }
        token(content.asString());
        complete(choice.path("finish_reason").isString() ? choice.path("finish_reason").asString() : null);
    }

    private JsonNode parse(String text) throws Failed {
        JsonNode node;
        try {
            node = json.readTree(text);
        } catch (JacksonException e) {
            throw new Failed(new LlmFailure(Kind.MALFORMED, "not JSON: " + abbreviate(text)));
        }
        if (node.has("error")) { // OpenRouter and others report failures inside a stream that has begun
            throw new Failed(new LlmFailure(Kind.SERVER_ERROR, 0, errorMessage(node), null));
        }
        return node;
    }

    private void token(String text) {
        tokens++;
        if (!isCancelled()) {
            handler.token(text);
        }
    }

    private void complete(@Nullable String finishReason) {
        if ("length".equals(finishReason)) {
            log.info("the language model's reply was cut at llm.max-tokens={}", properties.maxTokens());
        }
        if (!isCancelled()) {
            handler.completed();
        }
    }

    private LlmFailure refused(Response response) throws IOException {
        int status = response.code();
        Kind kind = switch (status) {
            case 401, 403 -> Kind.UNAUTHORIZED;
            case 429 -> Kind.RATE_LIMITED;
            case 408 -> Kind.SERVER_ERROR;
            default -> status >= 500 ? Kind.SERVER_ERROR : Kind.REFUSED;
        };
        String body = response.peekBody(4096).string();
        String detail;
        try {
            detail = errorMessage(json.readTree(body));
        } catch (JacksonException e) {
            detail = abbreviate(body);
        }
        return new LlmFailure(kind, status, detail, retryAfter(response));
    }

    /** {@code retry-after-ms} (OpenAI), or {@code Retry-After} in seconds or as an HTTP date. */
    private static @Nullable Duration retryAfter(Response response) {
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
            Duration until = Duration.between(java.time.Instant.now(),
                    ZonedDateTime.parse(after.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** How long to wait before asking again; null when asking again is not safe or not worth it. */
    private @Nullable Duration retryWait(LlmFailure failure, int retry) {
        if (retry >= properties.retries() || tokens > 0 || !failure.kind().isTransient()) {
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

    private static String errorMessage(JsonNode node) {
        JsonNode error = node.path("error");
        String message = error.isString() ? error.asString() : error.path("message").asString("");
        JsonNode codeNode = error.path("code");
        String code = codeNode.isString() || codeNode.isNumber() ? codeNode.asString() : "";
        return abbreviate(message + (code.isEmpty() ? "" : " (" + code + ")"));
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
