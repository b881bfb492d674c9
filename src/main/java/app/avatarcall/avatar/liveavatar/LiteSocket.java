package app.avatarcall.avatar.liveavatar;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LITE session's WebSocket ({@code ws_url}): JSON events dispatched on {@code type}. LiveAvatar drops, without a
 * word, whatever arrives before it says {@code session.state_updated: connected}, so nothing is sent before that.
 * When the connection ends without us closing it, or LiveAvatar says the session is closing, the session is lost,
 * once.
 */
final class LiteSocket extends WebSocketListener {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Consumer<JsonNode> events;
    private final Consumer<String> lost;
    private final CompletableFuture<Boolean> connected = new CompletableFuture<>();
    private final AtomicBoolean over = new AtomicBoolean();
    private final WebSocket socket;

    /**
     * Connects; events and the loss of the connection are told on OkHttp's thread.
     *
     * @param events every event LiveAvatar sends, in order
     * @param lost   why the connection is over, when it ends without {@link #close()}
     */
    LiteSocket(OkHttpClient http, String url, Consumer<JsonNode> events, Consumer<String> lost) {
        this.events = events;
        this.lost = lost;
        this.socket = http.newWebSocket(new Request.Builder().url(url).build(), this);
    }

    /** Waits until LiveAvatar says the session is connected; false if it did not within {@code timeout}, or failed. */
    boolean awaitConnected(Duration timeout) {
        try {
            return connected.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean isConnected() {
        return connected.getNow(false) && !over.get();
    }

    /** Sends an event; false when the session is not connected (yet, or any more), so it would be dropped. */
    boolean send(Map<String, ?> event) {
        return isConnected() && socket.send(json.writeValueAsString(event));
    }

    /** Closes the connection as finished; what LiveAvatar does then is no loss. Idempotent. */
    void close() {
        if (over.compareAndSet(false, true)) {
            connected.complete(false);
            socket.close(1000, "session over");
        }
    }

    @Override
    public void onMessage(WebSocket webSocket, String text) {
        JsonNode event;
        try {
            event = json.readTree(text);
        } catch (RuntimeException unreadable) {
            return; // not JSON: nothing LiveAvatar documents
        }
        if ("session.state_updated".equals(event.path("type").asString(""))) {
            switch (event.path("state").asString("")) {
                case "connected" -> connected.complete(true);
                case "closing", "closed" -> {
                    webSocket.close(1000, null);
                    lose("LiveAvatar says the session is " + event.path("state").asString());
                }
                default -> { } // connecting
            }
        }
        if (!over.get()) {
            events.accept(event);
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        webSocket.close(1000, null);
        lose("LiveAvatar closed the session's WebSocket (" + code + (reason.isBlank() ? "" : " " + reason) + ")");
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable failure, @Nullable Response response) {
        lose("the session's WebSocket failed: " + (response != null ? "HTTP " + response.code() + " " : "")
                + failure.getMessage());
    }

    private void lose(String why) {
        if (over.compareAndSet(false, true)) {
            connected.complete(false);
            lost.accept(why);
        }
    }
}
