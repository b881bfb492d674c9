package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.Answering;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible Chat Completions API ({@code POST {base}/chat/completions} with {@code stream: true}), as
 * OpenAI, Ollama, vLLM, LM Studio, OpenRouter and others serve it. Each reply streams on a virtual thread of its
 * own; its pieces go to a {@link Handler} as they arrive. Server-sent events are read line by line here rather than
 * with okhttp-sse, which the package registry here does not carry, and so that the three timeouts (connect, first
 * piece, between pieces) are each our own.
 */
final class ChatCompletionsClient implements AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");

    /** One message of the conversation sent: {@code system}, {@code user} or {@code assistant}. */
    record Message(String role, String content) {
    }

    /** Hears one reply. Calls come on the reply's thread, in order; none after a failure or the end. */
    interface Handler {
        void token(String text);

        void completed();

        void failed(LlmFailure failure);
    }

    private final LlmProperties properties;
    private final OkHttpClient http;
    private final HttpUrl url;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("llm-watchdog").daemon().factory());
    private final JsonMapper json = JsonMapper.builder().build();
    private final CompletionReader reader = new CompletionReader(json);

    ChatCompletionsClient(LlmProperties properties) {
        this.properties = properties;
        this.url = HttpUrl.get(Objects.requireNonNull(properties.baseUrl(), "llm.base-url").toString())
                .newBuilder().addPathSegments("chat/completions").build();
        // Timeouts while streaming are the watchdog's; the socket's own read timeout only backs it up.
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .writeTimeout(properties.connectTimeout())
                .readTimeout(properties.replyTimeout().plus(Duration.ofSeconds(5)))
                .retryOnConnectionFailure(false)
                .build();
    }

    /** Starts streaming the reply to {@code messages}; the result stops it and closes its connection. */
    Answering stream(List<Message> messages, Handler handler) {
        CompletionStream stream = new CompletionStream(http, request(messages), handler, properties, watchdog, reader);
        Thread.ofVirtual().name("llm-stream").start(stream);
        return stream;
    }

    private Request request(List<Message> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", properties.model());
        body.put("messages", messages.stream().map(m -> Map.of("role", m.role(), "content", m.content())).toList());
        body.put("stream", true);
        if (properties.maxTokens() > 0) {
            body.put("max_tokens", properties.maxTokens());
        }
        if (properties.temperature() != null) {
            body.put("temperature", properties.temperature());
        }
        Request.Builder request = new Request.Builder().url(url)
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(json.writeValueAsString(body), JSON));
        String key = properties.apiKey();
        if (key != null && !key.isBlank()) {
            request.header("Authorization", "Bearer " + key);
        }
        return request.build();
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
