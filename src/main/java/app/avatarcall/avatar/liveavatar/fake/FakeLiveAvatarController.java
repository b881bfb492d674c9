package app.avatarcall.avatar.liveavatar.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * LiveAvatar's session API, in-process. State lives in memory; expiry is checked on every request. LITE sessions
 * get a {@code ws_url} served by {@link FakeLiveAvatarSocket}.
 */
@RestController
@Profile("fake-liveavatar")
@RequestMapping("/fake-liveavatar/v1")
public class FakeLiveAvatarController {

    enum State { CREATED, STARTED, STOPPED }

    static final class Session {
        final String id = UUID.randomUUID().toString();
        final String token = "fake-session-token-" + UUID.randomUUID();
        /** What a LITE session's WebSocket must present, so that only who started it connects. */
        final String socketKey = UUID.randomUUID().toString();
        final Instant createdAt;
        final String mode;
        final @Nullable Map<String, Object> livekitConfig;
        State state = State.CREATED;
        @Nullable Instant startedAt;
        Instant lastActivity;
        @Nullable String endReason;
        @Nullable Instant endAt;

        Session(Instant now, String mode, @Nullable Map<String, Object> livekitConfig) {
            createdAt = now;
            lastActivity = now;
            this.mode = mode;
            this.livekitConfig = livekitConfig == null ? null : Map.copyOf(livekitConfig);
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();
    private final FakeLiveAvatarProperties properties;
    private final Clock clock;

    FakeLiveAvatarController(FakeLiveAvatarProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/sessions/token")
    ResponseEntity<?> token(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key,
                            @RequestBody Map<String, Object> body) {
        pause(properties.tokenLatency()); // outside the lock: slow calls of many callers overlap, as they do for real
        if (chance(properties.failureRate())) {
            return unavailable();
        }
        synchronized (this) {
            return createToken(key, body);
        }
    }

    private ResponseEntity<?> createToken(@Nullable String key, Map<String, Object> body) {
        ResponseEntity<?> refused = refuseKey(key, "token");
        if (refused != null) {
            return refused;
        }
        List<Map<String, Object>> problems = new ArrayList<>();
        if (!"FULL".equals(body.get("mode")) && !"LITE".equals(body.get("mode"))) {
            problems.add(problem("mode", "Input should be 'FULL' or 'LITE'"));
        }
        if (!(body.get("avatar_id") instanceof String avatar) || !isUuid(avatar)) {
            problems.add(problem("avatar_id", "Input should be a valid UUID"));
        }
        if ("FULL".equals(body.get("mode")) && !(body.get("avatar_persona") instanceof Map)) {
            problems.add(problem("avatar_persona", "Field required"));
        }
        Map<String, Object> livekit = null;
        if ("LITE".equals(body.get("mode")) && body.get("livekit_config") != null) {
            if (body.get("livekit_config") instanceof Map<?, ?> config) {
                livekit = new LinkedHashMap<>();
                for (String field : List.of("livekit_url", "livekit_room", "livekit_client_token")) {
                    Object value = config.get(field);
                    if (value == null) {
                        problems.add(problem(List.of("body", "livekit_config", field), "Field required", "missing"));
                    } else if (!(value instanceof String text)) {
                        problems.add(problem(List.of("body", "livekit_config", field), "Input should be a valid string",
                                "string_type"));
                    } else if (text.isBlank()) {
                        problems.add(problem(List.of("body", "livekit_config", field),
                                "String should have at least 1 character", "string_too_short"));
                    } else {
                        livekit.put(field, text);
                    }
                }
            } else {
                problems.add(problem(List.of("body", "livekit_config"), "Input should be a valid dictionary",
                        "dict_type"));
            }
        }
        if (!problems.isEmpty()) {
            return ResponseEntity.unprocessableContent().body(Map.of("detail", problems));
        }
        Session session = new Session(clock.instant(), (String) body.get("mode"), livekit);
        sessions.put(session.id, session);
        return ok(HttpStatus.OK, Map.of("session_id", session.id, "session_token", session.token));
    }

    @PostMapping("/sessions/start")
    ResponseEntity<?> start(@RequestHeader(name = "Authorization", required = false) @Nullable String auth) {
        pause(properties.startLatency());
        if (chance(properties.failureRate())) {
            return unavailable();
        }
        ResponseEntity<?> answer;
        synchronized (this) {
            answer = startSession(auth);
        }
        if (answer.getStatusCode().is2xxSuccessful() && chance(properties.lostStartRate())) {
            return ResponseEntity.status(HttpStatus.GATEWAY_TIMEOUT).body(Map.of("detail", "Gateway Timeout"));
        }
        return answer;
    }

    private ResponseEntity<?> startSession(@Nullable String auth) {
        Session session = byBearer(auth);
        if (session == null) {
            return unauthorized("Invalid or missing session token");
        }
        expire();
        if (session.state != State.CREATED) {
            return error(HttpStatus.BAD_REQUEST, 4001, "Session token has already been used");
        }
        if (running() >= properties.concurrentLimit()) {
            return error(HttpStatus.BAD_REQUEST, 4032, "Concurrent limit reached, please try again later");
        }
        session.state = State.STARTED;
        session.startedAt = clock.instant();
        session.lastActivity = session.startedAt;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.id);
        // With the customer's own LiveKit, the avatar streams there; otherwise into a room of LiveAvatar's.
        data.put("livekit_url", session.livekitConfig != null ? session.livekitConfig.get("livekit_url")
                : "wss://fake-livekit.invalid");
        data.put("livekit_client_token", "fake-livekit-client-token-" + session.id);
        data.put("max_session_duration", properties.maxDuration().toSeconds());
        if ("LITE".equals(session.mode)) {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()
                    .replaceFirst("^http", "ws");
            data.put("ws_url", base + FakeLiveAvatarSocket.PATH_PREFIX + session.id + "?key=" + session.socketKey);
        }
        return ok(HttpStatus.CREATED, data);
    }

    /** Whether a WebSocket may connect for a session: it is a started LITE session and the key is its own. */
    synchronized boolean acceptsSocket(String sessionId, @Nullable String key) {
        expire();
        Session session = sessions.get(sessionId);
        return session != null && "LITE".equals(session.mode) && session.state == State.STARTED
                && session.socketKey.equals(key);
    }

    /** Something happened on a session's WebSocket: it is not idle. */
    synchronized void touch(String sessionId) {
        Session session = sessions.get(sessionId);
        if (session != null && session.state == State.STARTED) {
            session.lastActivity = clock.instant();
        }
    }

    /** Whether a session still runs (idle and duration limits applied first). */
    synchronized boolean isRunning(String sessionId) {
        expire();
        Session session = sessions.get(sessionId);
        return session != null && session.state == State.STARTED;
    }

    /** The {@code livekit_config} a LITE session's token was created with, for tests to look at. */
    public synchronized Optional<Map<String, Object>> liveKitConfig(String sessionId) {
        Session session = sessions.get(sessionId);
        return Optional.ofNullable(session == null ? null : session.livekitConfig);
    }

    @PostMapping("/sessions/keep-alive")
    synchronized ResponseEntity<?> keepAlive(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                             @RequestBody(required = false) @Nullable Map<String, Object> body) {
        ResponseEntity<?> limited = rateLimited("keep-alive");
        if (limited != null) {
            return limited;
        }
        if (chance(properties.failureRate())) {
            return unavailable();
        }
        Session session = byBearer(auth);
        if (session == null) {
            return unauthorized("Invalid or missing session token");
        }
        expire();
        if (session.state != State.STARTED) {
            return error(HttpStatus.BAD_REQUEST, 4002, "Session is not active");
        }
        session.lastActivity = clock.instant();
        return ok(HttpStatus.OK, Map.of());
    }

    @PostMapping("/sessions/stop")
    synchronized ResponseEntity<?> stop(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key,
                                        @RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                        @RequestBody(required = false) @Nullable Map<String, Object> body) {
        if (chance(properties.failureRate())) {
            return unavailable();
        }
        Session session = byBearer(auth);
        if (session == null) {
            if (refuseKey(key, "stop") != null) {
                return unauthorized("Invalid API key");
            }
            Object id = body == null ? null : body.get("session_id");
            session = id == null ? null : sessions.get(id.toString());
        }
        if (session == null) {
            return error(HttpStatus.NOT_FOUND, 4004, "Session not found");
        }
        expire();
        if (session.state == State.STOPPED) {
            return error(HttpStatus.BAD_REQUEST, 4003, "Session is already stopped");
        }
        Object reason = body == null ? null : body.get("reason");
        end(session, reason == null ? "USER_CLOSED" : reason.toString(), clock.instant());
        return ok(HttpStatus.OK, Map.of());
    }

    @GetMapping("/sessions")
    synchronized ResponseEntity<?> list(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key,
                                        @RequestParam(defaultValue = "active") String type) {
        ResponseEntity<?> refused = refuseKey(key, "list");
        if (refused != null) {
            return refused;
        }
        expire();
        List<Map<String, Object>> results = sessions.values().stream()
                .filter(s -> "active".equals(type) == (s.state == State.STARTED))
                .map(s -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", s.id);
                    row.put("created_at", s.createdAt.toString());
                    row.put("mode", s.mode);
                    row.put("end_reason", s.endReason);
                    row.put("end_at", s.endAt == null ? null : s.endAt.toString());
                    // Billed time: from start to end (or now), in seconds; fractions kept so benchmarks can read it.
                    row.put("duration", s.startedAt == null ? 0 : Duration.between(s.startedAt,
                            s.endAt == null ? clock.instant() : s.endAt).toMillis() / 1000.0);
                    return row;
                })
                .toList();
        return ok(HttpStatus.OK, page(results));
    }

    /** LiveAvatar's pagination envelope; everything fits on one page here. */
    private static Map<String, Object> page(List<Map<String, Object>> results) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("count", results.size());
        page.put("next", null);
        page.put("previous", null);
        page.put("results", results);
        return page;
    }

    @GetMapping("/avatars/public")
    ResponseEntity<?> publicAvatars(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key) {
        return catalogPage(key, List.of(Map.of("id", "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", "name", "Sandbox avatar",
                "type", "VIDEO", "status", "ACTIVE", "is_expired", false, "is_1080p", false,
                "preview_url", "https://files.example/previews/sandbox.webp")));
    }

    @GetMapping("/avatars")
    ResponseEntity<?> ownAvatars(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key) {
        return catalogPage(key, List.of(
                Map.of("id", "0b7e7a52-5c1e-4d43-9d44-3b3d6b6f1a10", "name", "Anna", "type", "IMAGE", "status", "ACTIVE",
                        "preview_url", "https://files.example/previews/anna.webp"),
                Map.of("id", "5f0d3c1e-8a9b-4c2d-b1e0-7a6f5e4d3c2b", "name", "Still training", "type", "VIDEO",
                        "status", "DEPLOYING")));
    }

    @GetMapping("/voices")
    ResponseEntity<?> voices(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key) {
        return catalogPage(key, List.of(
                Map.of("id", "a1b2c3d4-0000-4000-8000-000000000001", "name", "Alina", "language", "ru", "gender", "female"),
                Map.of("id", "a1b2c3d4-0000-4000-8000-000000000002", "name", "James", "language", "en", "gender", "male")));
    }

    @GetMapping("/contexts")
    ResponseEntity<?> contexts(@RequestHeader(name = "X-API-KEY", required = false) @Nullable String key) {
        return catalogPage(key, List.of(Map.of("id", "c0ffee00-0000-4000-8000-000000000001", "name", "Product FAQ",
                "prompt", "You are a friendly product guide.", "opening_text", "Hi!")));
    }

    private synchronized ResponseEntity<?> catalogPage(@Nullable String key, List<Map<String, Object>> results) {
        ResponseEntity<?> refused = refuseKey(key, "catalog");
        if (refused != null) {
            return refused;
        }
        return ok(HttpStatus.OK, page(results));
    }

    /** Sessions started and not yet stopped: what a test checks for leaks. */
    synchronized int running() {
        expire();
        return (int) sessions.values().stream().filter(s -> s.state == State.STARTED).count();
    }

    public synchronized @Nullable String endReason(String sessionId) {
        Session session = sessions.get(sessionId);
        return session == null ? null : session.endReason;
    }

    private void expire() {
        Instant now = clock.instant();
        for (Session session : sessions.values()) {
            if (session.state != State.STARTED) {
                continue;
            }
            if (Duration.between(session.lastActivity, now).compareTo(properties.idleTimeout()) >= 0) {
                end(session, "IDLE_TIMEOUT", now);
            } else if (Duration.between(session.startedAt, now).compareTo(properties.maxDuration()) >= 0) {
                end(session, "MAX_DURATION_REACHED", now);
            }
        }
    }

    private static void end(Session session, String reason, Instant now) {
        session.state = State.STOPPED;
        session.endReason = reason;
        session.endAt = now;
    }

    private @Nullable Session byBearer(@Nullable String auth) {
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        String token = auth.substring("Bearer ".length());
        return sessions.values().stream().filter(s -> s.token.equals(token)).findFirst().orElse(null);
    }

    private @Nullable ResponseEntity<?> refuseKey(@Nullable String key, String endpoint) {
        if (!properties.apiKey().equals(key)) {
            return unauthorized("Invalid API key");
        }
        return rateLimited(endpoint);
    }

    private static boolean chance(double rate) {
        return rate > 0 && java.util.concurrent.ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static ResponseEntity<?> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("code", 5000, "data", Map.of(), "message", "Service temporarily unavailable"));
    }

    /** LiveAvatar limits each credential per endpoint in one-second windows. */
    private @Nullable ResponseEntity<?> rateLimited(String endpoint) {
        if (properties.requestsPerSecond() <= 0) {
            return null;
        }
        long second = clock.millis() / 1000;
        long[] window = windows.computeIfAbsent(endpoint, e -> new long[] {second, 0});
        if (window[0] != second) {
            window[0] = second;
            window[1] = 0;
        }
        if (++window[1] > properties.requestsPerSecond()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "1")
                    .header("X-RateLimit-Reset", String.valueOf(second + 1))
                    .body(Map.of("detail", "Rate limit exceeded"));
        }
        return null;
    }

    private static ResponseEntity<?> ok(HttpStatus status, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", 1000);
        envelope.put("data", data);
        envelope.put("message", "success");
        return ResponseEntity.status(status).body(envelope);
    }

    private static ResponseEntity<?> error(HttpStatus status, int code, String message) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("data", null);
        envelope.put("message", message);
        return ResponseEntity.status(status).body(envelope);
    }

    private static ResponseEntity<?> unauthorized(String detail) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("detail", detail));
    }

    private static Map<String, Object> problem(String field, String message) {
        return problem(List.of("body", field), message, "value_error");
    }

    private static Map<String, Object> problem(List<String> location, String message, String type) {
        return Map.of("loc", location, "msg", message, "type", type);
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void pause(Duration latency) {
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
