package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.llm.LlmFailure.Kind;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One reply being streamed: its requests (asked again only as {@link Retries} allows), and a watchdog that cuts the
 * connection when the reply does not start, stalls between pieces, or takes too long altogether. Cancelling closes
 * the connection at once; the handler hears nothing after.
 */
final class CompletionStream implements Answering, Runnable, CompletionReader.Sink {

    private static final Logger log = LoggerFactory.getLogger(CompletionStream.class);

    private final OkHttpClient http;
    private final Request request;
    private final ChatCompletionsClient.Handler handler;
    private final LlmProperties properties;
    private final ScheduledExecutorService watchdog;
    private final CompletionReader reader;
    private final Retries retries;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private final long replyDeadline;
    private volatile @Nullable Attempt current;
    private int tokens;

    CompletionStream(OkHttpClient http, Request request, ChatCompletionsClient.Handler handler,
                     LlmProperties properties, ScheduledExecutorService watchdog, CompletionReader reader) {
        this.http = http;
        this.request = request;
        this.handler = handler;
        this.properties = properties;
        this.watchdog = watchdog;
        this.reader = reader;
        this.retries = new Retries(properties);
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
                Duration wait = retries.wait(failure, retry, tokens, replyDeadline);
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

    /** One request; null when the reply was read to its end (or cancelled), else why it failed. */
    private @Nullable LlmFailure attempt() {
        Attempt attempt = new Attempt(http.newCall(request));
        current = attempt;
        if (isCancelled()) {
            return null;
        }
        attempt.watch();
        boolean answered = false;
        try (Response response = attempt.call.execute()) {
            answered = true;
            if (!response.isSuccessful()) {
                return Retries.refused(response, reader);
            }
            MediaType type = response.body().contentType();
            String finishReason = type != null && "json".equals(type.subtype())
                    ? reader.whole(response.body().string(), this) // a server that does not stream answers at once
                    : reader.stream(response.body().source(), this);
            complete(finishReason);
            return null;
        } catch (LlmException e) {
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

    @Override
    public void event() {
        Attempt attempt = current;
        if (attempt != null) {
            attempt.data();
        }
    }

    @Override
    public void token(String text) {
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

    /** One request and its connection, watched: the wait for the first piece, then between pieces, then in all. */
    private final class Attempt {
        final Call call;
        final long startedAt = System.nanoTime();
        volatile long lastData;
        volatile boolean dataSeen;
        volatile @Nullable Kind timedOut;
        volatile boolean over;
        volatile @Nullable ScheduledFuture<?> check;

        Attempt(Call call) {
            this.call = call;
        }

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
}
