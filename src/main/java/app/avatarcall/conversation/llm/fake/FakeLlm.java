package app.avatarcall.conversation.llm.fake;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * What the fake language model will do next, and what it saw. Each request takes the next scripted behaviour; with
 * none scripted it answers in character from the request. Thread-safe.
 */
@Component
@Profile("fake-llm")
public class FakeLlm {

    /** One request's fate. */
    public sealed interface Script {
        /** Answer with this text (an emotion tag included, if wanted). */
        record Reply(String text) implements Script {
        }

        /** Answer with this HTTP status and OpenAI's error body; {@code retryAfter} for a 429 or 503. */
        record Status(int status, @Nullable String retryAfter) implements Script {
        }

        /** Stream {@code tokens} tokens of the text, then a chunk cut off mid-JSON, then close. */
        record BreakAfter(String text, int tokens) implements Script {
        }

        /** Stream {@code tokens} tokens of the text, then close without a finish reason or {@code [DONE]}. */
        record DropAfter(String text, int tokens) implements Script {
        }

        /** Stream {@code tokens} tokens of the text, then fall silent for {@code pause}, then go on. */
        record StallAfter(String text, int tokens, Duration pause) implements Script {
        }

        /** Stream {@code tokens} tokens of the text, then an {@code error} event, as OpenRouter does. */
        record ErrorEventAfter(String text, int tokens) implements Script {
        }
    }

    private final Queue<Script> scripts = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger aborted = new AtomicInteger();
    private volatile List<Long> sentAt = new CopyOnWriteArrayList<>();
    private volatile @Nullable Duration firstTokenLatency;
    private volatile @Nullable Duration tokenLatency;

    /** The next request gets {@code script}; several calls queue up. */
    public FakeLlm then(Script script) {
        scripts.add(script);
        return this;
    }

    /** Overrides the configured latencies (null: back to configuration). */
    public void latency(@Nullable Duration firstToken, @Nullable Duration perToken) {
        this.firstTokenLatency = firstToken;
        this.tokenLatency = perToken;
    }

    /** The request bodies received, oldest first. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** How many streams the client closed before they were done. */
    public int aborted() {
        return aborted.get();
    }

    /** When each content token of the latest stream was handed to the connection ({@link System#nanoTime()}). */
    public List<Long> sentAt() {
        return List.copyOf(sentAt);
    }

    /** How the fake cuts a text into the tokens it streams. */
    public static List<String> tokens(String text) {
        return FakeReplies.tokens(text);
    }

    public void reset() {
        scripts.clear();
        requests.clear();
        aborted.set(0);
        latency(null, null);
    }

    @Nullable Script next() {
        return scripts.poll();
    }

    void received(JsonNode request) {
        requests.add(request);
    }

    void streaming() {
        sentAt = new CopyOnWriteArrayList<>();
    }

    void sent() {
        sentAt.add(System.nanoTime());
    }

    void abort() {
        aborted.incrementAndGet();
    }

    Duration firstTokenLatency(Duration configured) {
        Duration override = firstTokenLatency;
        return override == null ? configured : override;
    }

    Duration tokenLatency(Duration configured) {
        Duration override = tokenLatency;
        return override == null ? configured : override;
    }
}
