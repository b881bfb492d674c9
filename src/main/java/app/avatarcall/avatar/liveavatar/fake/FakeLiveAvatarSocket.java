package app.avatarcall.avatar.liveavatar.fake;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A LITE session's WebSocket ({@code ws_url}), as LiveAvatar documents it: {@code session.state_updated} says
 * {@code connecting}, then {@code connected} (events before that are dropped without a word); {@code agent.speak}
 * (base64 PCM16, at most 1 MB a packet, whole samples) fills a playback buffer that plays in real time, one
 * {@code event_id} after the other, announced by {@code agent.speak_started} and, once {@code agent.speak_end} came
 * and the audio has played, {@code agent.speak_ended}; {@code agent.interrupt} empties the buffer; every event, and
 * {@code session.keep_alive} in particular, keeps the session from its idle timeout, after which (or after a stop) the
 * socket says {@code closed} and closes. What a test wants to check is kept in {@link Heard}.
 */
@Component
@Profile("fake-liveavatar")
public class FakeLiveAvatarSocket extends TextWebSocketHandler implements DisposableBean {

    static final String PATH_PREFIX = "/fake-liveavatar/v1/ws/";
    /** LiveAvatar's limit on one WebSocket packet. */
    static final int MAX_PACKET = 1024 * 1024;
    static final int BYTES_PER_SECOND = 48_000;

    private final FakeLiveAvatarController sessions;
    private final FakeLiveAvatarProperties properties;
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1);
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, Heard> heard = new ConcurrentHashMap<>();

    FakeLiveAvatarSocket(FakeLiveAvatarController sessions, FakeLiveAvatarProperties properties) {
        this.sessions = sessions;
        this.properties = properties;
        timer.scheduleWithFixedDelay(this::closeEnded, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** What the session's WebSocket(s) received, if one ever connected. */
    public Optional<Heard> heard(String sessionId) {
        return Optional.ofNullable(heard.get(sessionId));
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession socket) throws IOException {
        URI uri = socket.getUri();
        String path = uri == null ? "" : uri.getPath();
        String sessionId = path.substring(path.lastIndexOf('/') + 1);
        String key = uri == null ? null : UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("key");
        if (!sessions.acceptsSocket(sessionId, key)) {
            socket.close(CloseStatus.POLICY_VIOLATION.withReason("unknown session, not a started LITE session, or wrong key"));
            return;
        }
        socket.setTextMessageSizeLimit(2 * MAX_PACKET); // room to see, and refuse, a packet over the limit
        Connection connection = new Connection(sessionId,
                new ConcurrentWebSocketSessionDecorator(socket, 10_000, 4 * MAX_PACKET));
        connections.put(socket.getId(), connection);
        heard.computeIfAbsent(sessionId, id -> new Heard());
        connection.send(Map.of("type", "session.state_updated", "state", "connecting"));
        timer.schedule(connection::connect, properties.socketConnectLatency().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    protected void handleTextMessage(WebSocketSession socket, TextMessage message) throws IOException {
        Connection connection = connections.get(socket.getId());
        if (connection != null) {
            connection.receive(message.getPayload());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession socket, CloseStatus status) {
        Connection connection = connections.remove(socket.getId());
        if (connection != null) {
            connection.stopPlaying();
        }
    }

    /** Sessions stopped through the API, or timed out, lose their socket. */
    private void closeEnded() {
        for (Connection connection : connections.values()) {
            try {
                if (!sessions.isRunning(connection.sessionId)) {
                    connection.closeBecause(String.valueOf(sessions.endReason(connection.sessionId)));
                }
            } catch (RuntimeException e) {
                // one broken connection must not stop the sweep
            }
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** One utterance in the playback buffer. */
    private static final class Playing {
        final String eventId;
        final String taskId = UUID.randomUUID().toString();
        final long startsAt;
        long endsAt;
        boolean complete;
        boolean announced;

        Playing(String eventId, long startsAt) {
            this.eventId = eventId;
            this.startsAt = startsAt;
            this.endsAt = startsAt;
        }
    }

    private final class Connection {

        final String sessionId;
        final WebSocketSession socket;
        private boolean connected;
        private boolean closed;
        /** When the audio buffered so far has played (System.nanoTime). */
        private long playedAt;
        private final Map<String, Playing> buffer = new LinkedHashMap<>();
        private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
        private final Set<String> interrupted = ConcurrentHashMap.newKeySet();

        Connection(String sessionId, WebSocketSession socket) {
            this.sessionId = sessionId;
            this.socket = socket;
        }

        synchronized void connect() {
            if (!closed) {
                connected = true;
                send(Map.of("type", "session.state_updated", "state", "connected"));
            }
        }

        synchronized void receive(String text) throws IOException {
            Heard record = heard.get(sessionId);
            if (!connected) {
                record.dropBeforeConnected();
                return;
            }
            JsonNode event;
            try {
                event = json.readTree(text);
            } catch (RuntimeException notJson) {
                record.problem("not JSON");
                return;
            }
            sessions.touch(sessionId);
            String eventId = event.path("event_id").isString() ? event.path("event_id").asString() : "";
            switch (event.path("type").asString("")) {
                case "agent.speak" -> speak(record, eventId, event, text.length());
                case "agent.speak_end" -> speakEnd(record, eventId);
                case "agent.interrupt" -> interrupt(record);
                case "session.keep_alive" -> record.keptAlive();
                case "agent.start_listening", "agent.stop_listening" -> { } // a pose; nothing to check
                default -> record.problem("unknown event type " + event.path("type"));
            }
        }

        private void speak(Heard record, String eventId, JsonNode event, int packetSize) throws IOException {
            if (eventId.isBlank()) {
                record.problem("agent.speak without event_id");
                return;
            }
            if (packetSize > MAX_PACKET) {
                record.problem("agent.speak packet of " + packetSize + " bytes is over 1 MB: dropped");
                return;
            }
            byte[] audio;
            try {
                audio = Base64.getDecoder().decode(event.path("audio").asString(""));
            } catch (IllegalArgumentException e) {
                record.problem("agent.speak audio is not base64");
                socket.close(CloseStatus.BAD_DATA.withReason("audio must be base64"));
                return;
            }
            long now = System.nanoTime();
            boolean late = interrupted.contains(eventId);
            record.chunk(new Chunk(eventId, audio.length, now, late));
            if (audio.length == 0 || audio.length % 2 != 0) {
                record.problem("agent.speak audio of " + audio.length + " bytes is no whole number of 16-bit samples");
                return;
            }
            if (late) {
                record.problem("agent.speak for " + eventId + " after it was interrupted: it would play on");
                return;
            }
            Playing playing = buffer.get(eventId);
            if (playing == null) {
                if (buffer.values().stream().anyMatch(p -> !p.complete)) {
                    record.problem("agent.speak for " + eventId + " while another event id has no agent.speak_end");
                }
                playing = new Playing(eventId, Math.max(now, playedAt));
                buffer.put(eventId, playing);
                Playing starting = playing;
                later(starting.startsAt, () -> announce(starting));
            } else if (playing.complete) {
                record.problem("agent.speak for " + eventId + " after its agent.speak_end");
                return;
            }
            playedAt = Math.max(now, playedAt) + audio.length * 1_000_000_000L / BYTES_PER_SECOND;
            playing.endsAt = playedAt;
        }

        private void speakEnd(Heard record, String eventId) {
            record.speakEnd(eventId);
            Playing playing = buffer.get(eventId);
            if (playing == null) {
                if (!interrupted.contains(eventId)) {
                    record.problem("agent.speak_end for " + eventId + ", which sent no audio");
                }
                return;
            }
            playing.complete = true;
            later(playing.endsAt, () -> finish(playing));
        }

        private void interrupt(Heard record) {
            record.interrupted();
            stopPlaying();
            for (Playing playing : buffer.values()) {
                interrupted.add(playing.eventId);
                if (playing.announced) {
                    send(ended(playing));
                }
            }
            buffer.clear();
            playedAt = System.nanoTime();
        }

        synchronized void stopPlaying() {
            scheduled.forEach(task -> task.cancel(false));
            scheduled.clear();
        }

        private synchronized void announce(Playing playing) {
            if (buffer.get(playing.eventId) == playing && !playing.announced) {
                playing.announced = true;
                send(Map.of("type", "agent.speak_started", "event_id", playing.eventId,
                        "task", Map.of("id", playing.taskId)));
            }
        }

        private synchronized void finish(Playing playing) {
            if (buffer.remove(playing.eventId) == playing) {
                announce(playing);
                send(ended(playing));
            }
        }

        private Map<String, Object> ended(Playing playing) {
            return Map.of("type", "agent.speak_ended", "event_id", playing.eventId, "task", Map.of("id", playing.taskId));
        }

        private void later(long atNanos, Runnable task) {
            scheduled.removeIf(ScheduledFuture::isDone);
            scheduled.add(timer.schedule(task, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS));
        }

        synchronized void closeBecause(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            stopPlaying();
            send(Map.of("type", "session.state_updated", "state", "closed"));
            try {
                socket.close(CloseStatus.NORMAL.withReason(reason));
            } catch (IOException e) {
                // gone already
            }
        }

        void send(Map<String, ?> event) {
            try {
                if (socket.isOpen()) {
                    socket.sendMessage(new TextMessage(json.writeValueAsString(event)));
                }
            } catch (IOException | IllegalStateException e) {
                // the other side is gone; the close handler cleans up
            }
        }
    }

    /** One {@code agent.speak} as it arrived. */
    public record Chunk(String eventId, int bytes, long receivedAtNanos, boolean afterInterrupt) {

        public long millis() {
            return bytes * 1000L / BYTES_PER_SECOND;
        }
    }

    /** Everything a LITE session's WebSocket received, for tests. */
    public static final class Heard {

        private final List<Chunk> chunks = new ArrayList<>();
        private final List<String> speakEnds = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int interrupts;
        private int keepAlives;
        private int droppedBeforeConnected;

        synchronized void chunk(Chunk chunk) {
            chunks.add(chunk);
        }

        synchronized void speakEnd(String eventId) {
            speakEnds.add(eventId);
        }

        synchronized void problem(String problem) {
            problems.add(problem);
        }

        synchronized void interrupted() {
            interrupts++;
        }

        synchronized void keptAlive() {
            keepAlives++;
        }

        synchronized void dropBeforeConnected() {
            droppedBeforeConnected++;
        }

        public synchronized List<Chunk> chunks() {
            return List.copyOf(chunks);
        }

        public synchronized List<Chunk> chunks(String eventId) {
            return chunks.stream().filter(chunk -> chunk.eventId().equals(eventId)).toList();
        }

        public synchronized List<String> speakEnds() {
            return List.copyOf(speakEnds);
        }

        /** Everything LiveAvatar would have dropped, refused or played wrongly. */
        public synchronized List<String> problems() {
            return List.copyOf(problems);
        }

        public synchronized int interrupts() {
            return interrupts;
        }

        public synchronized int keepAlives() {
            return keepAlives;
        }

        public synchronized int droppedBeforeConnected() {
            return droppedBeforeConnected;
        }
    }
}
