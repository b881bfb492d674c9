package app.avatarcall.avatar.heygen.fake;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * HeyGen's Interactive Avatar streaming API (version v2, over LiveKit), in-process. A session token is minted with
 * the API key and makes one session; every other session call carries that token as a bearer, or the API key and
 * the session id (the server-side way). State lives in memory; the idle timeout and the duration limit are checked on
 * every request against the application's clock. Rate windows run on real time, since clients wait them out in real
 * time.
 */
@RestController
@Profile("fake-heygen")
@RequestMapping("/fake-heygen")
class FakeHeyGenController {

    private static final String KEY = "X-Api-Key";
    private static final String AUTH = HttpHeaders.AUTHORIZATION;
    private static final int SUCCESS = 100;
    private static final int UNAUTHORIZED = 400112;
    private static final int WRONG_STATE = 400006;
    private static final int STATE_CLOSED = 10005;
    private static final int MISSING_PARAMS = 40001;
    private static final int INVALID_PARAMETER = 400175;
    /** HeyGen's numbers for these three were not captured (avatar-apis.md 1.6): clients go by status and message. */
    private static final int CONCURRENT_LIMIT = 10007;
    private static final int NOT_FOUND = 10004;
    private static final int TOO_MANY_REQUESTS = 10029;
    private static final int LONGEST_TEXT = 1000;
    private static final Set<String> QUALITIES = Set.of("high", "medium", "low");
    private static final Set<String> TASK_TYPES = Set.of("repeat", "talk", "chat"); // the docs say chat, the SDK talk
    private static final Set<String> TASK_MODES = Set.of("sync", "async");

    enum State { NEW, STARTED, CLOSED }

    static final class Session {
        final String id = UUID.randomUUID().toString();
        final Instant createdAt;
        final Duration idleTimeout;
        State state = State.NEW;
        @Nullable Instant startedAt;
        Instant lastActivity;

        Session(Instant now, Duration idleTimeout) {
            this.createdAt = now;
            this.lastActivity = now;
            this.idleTimeout = idleTimeout;
        }
    }

    /** An error answer that ends a request early. */
    private static final class Refused extends RuntimeException {
        final ResponseEntity<?> answer;

        Refused(HttpStatus status, int code, String message) {
            this(ResponseEntity.status(status).body(envelope(code, message, null)));
        }

        Refused(ResponseEntity<?> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final Set<String> unusedTokens = new HashSet<>();
    private final Map<String, Session> sessionsByToken = new HashMap<>();
    private final Map<String, Deque<Long>> recentRequests = new HashMap<>();
    private final FakeHeyGenProperties properties;
    private final Clock clock;

    FakeHeyGenController(FakeHeyGenProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<?> refused(Refused refused) {
        return refused.answer;
    }

    @PostMapping("/v1/streaming.create_token")
    ResponseEntity<?> createToken(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                  @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) @Nullable String type) {
        pause(properties.tokenLatency()); // outside the lock: slow calls of many callers overlap, as they do for real
        synchronized (this) {
            limitRate("create_token");
            if (type == null || !type.startsWith("application/json")) {
                // Seen from HeyGen when the body is not declared JSON (InteractiveAvatarNextJSDemo#5).
                return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(Map.of("detail",
                        "Unsupported media type '" + (type == null ? "" : type) + "' in request. "
                                + "'application/json' is required."));
            }
            checkKey(key);
            String token = "fake-heygen-session-token-" + UUID.randomUUID();
            unusedTokens.add(token);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", null);
            answer.put("data", Map.of("token", token));
            return ResponseEntity.ok(answer);
        }
    }

    @PostMapping("/v1/streaming.new")
    ResponseEntity<?> newSession(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                 @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                                 @RequestBody(required = false) @Nullable Map<String, Object> body) {
        pause(properties.newLatency());
        synchronized (this) {
            return createSession(key, auth, body == null ? Map.of() : body);
        }
    }

    private ResponseEntity<?> createSession(@Nullable String key, @Nullable String auth, Map<String, Object> body) {
        limitRate("new");
        String token = bearer(auth);
        if (token == null) {
            checkKey(key);
        } else if (!unusedTokens.contains(token)) {
            throw unauthorized(); // a session token makes one session only
        }
        Duration idleTimeout = checkNewSession(body);
        expire();
        if (sessions.values().stream().filter(s -> s.state != State.CLOSED).count() >= properties.concurrentLimit()) {
            throw new Refused(HttpStatus.BAD_REQUEST, CONCURRENT_LIMIT, "Concurrent limit reached, please make sure "
                    + "you have closed other testing sessions under the same account");
        }
        Session session = new Session(clock.instant(), idleTimeout);
        sessions.put(session.id, session);
        if (token != null) {
            unusedTokens.remove(token);
            sessionsByToken.put(token, session);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("session_id", session.id);
        data.put("sdp", null);
        data.put("access_token", "fake-livekit-client-token-" + session.id);
        data.put("url", "wss://fake-livekit.invalid");
        data.put("ice_servers", null);
        data.put("ice_servers2", null);
        data.put("is_paid", false);
        data.put("session_duration_limit", properties.sessionDurationLimit().toSeconds());
        data.put("realtime_endpoint", "wss://fake-heygen.invalid/v2-alpha/interactive-avatar/session/" + session.id);
        data.put("livekit_agent_token", "fake-livekit-agent-token-" + session.id);
        return ok(data);
    }

    /** The voice emotions HeyGen documents (its SDK sends them in lower case). */
    private static final java.util.Set<String> VOICE_EMOTIONS =
            java.util.Set.of("excited", "serious", "friendly", "soothing", "broadcaster");

    /** The request as HeyGen checks it; returns the session's activity idle timeout. */
    private Duration checkNewSession(Map<String, Object> body) {
        if (!"v2".equals(body.get("version"))) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                    "version must be v2: version v1 (raw WebRTC) is no longer supported");
        }
        if (body.containsKey("quality") && !QUALITIES.contains(String.valueOf(body.get("quality")))) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "quality must be high, medium or low");
        }
        if (body.get("voice") instanceof Map<?, ?> voice && voice.get("emotion") instanceof String emotion
                && !VOICE_EMOTIONS.contains(emotion.toLowerCase(java.util.Locale.ROOT))) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                    "voice.emotion must be one of Excited, Serious, Friendly, Soothing, Broadcaster");
        }
        Object idle = body.get("activity_idle_timeout");
        if (idle == null) {
            return properties.idleTimeout();
        }
        if (!(idle instanceof Integer seconds) || seconds < 30 || seconds > 3600) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER,
                    "activity_idle_timeout must be between 30 and 3600 seconds");
        }
        return Duration.ofSeconds(seconds);
    }

    @PostMapping("/v1/streaming.start")
    ResponseEntity<?> start(@RequestHeader(name = KEY, required = false) @Nullable String key,
                            @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                            @RequestBody(required = false) @Nullable Map<String, Object> body) {
        pause(properties.startLatency());
        synchronized (this) {
            limitRate("start");
            Session session = session(key, auth, body);
            require(session, State.NEW);
            session.state = State.STARTED;
            session.startedAt = clock.instant();
            session.lastActivity = session.startedAt;
            return ok(null);
        }
    }

    @PostMapping("/v1/streaming.task")
    synchronized ResponseEntity<?> task(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                        @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                                        @RequestBody(required = false) @Nullable Map<String, Object> body) {
        limitRate("task");
        Session session = session(key, auth, body);
        require(session, State.STARTED);
        Map<String, Object> task = body == null ? Map.of() : body;
        String text = task.get("text") instanceof String given ? given : "";
        if (text.isBlank()) {
            throw new Refused(HttpStatus.BAD_REQUEST, MISSING_PARAMS, "Missing required parameter: text");
        }
        if (text.codePointCount(0, text.length()) > LONGEST_TEXT) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "text is longer than 1000 characters");
        }
        if (!TASK_TYPES.contains(String.valueOf(task.getOrDefault("task_type", "repeat")))) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "task_type must be repeat or talk");
        }
        if (!TASK_MODES.contains(String.valueOf(task.getOrDefault("task_mode", "sync")))) {
            throw new Refused(HttpStatus.BAD_REQUEST, INVALID_PARAMETER, "task_mode must be sync or async");
        }
        session.lastActivity = clock.instant();
        return ok(Map.of("duration_ms", text.length() * 70.0, "task_id", UUID.randomUUID().toString()));
    }

    /** Cuts the avatar off; one that is not speaking is left as it is. */
    @PostMapping("/v1/streaming.interrupt")
    synchronized ResponseEntity<?> interrupt(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                             @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                                             @RequestBody(required = false) @Nullable Map<String, Object> body) {
        limitRate("interrupt");
        Session session = session(key, auth, body);
        require(session, State.STARTED);
        session.lastActivity = clock.instant();
        return ok(null);
    }

    @PostMapping("/v1/streaming.keep_alive")
    synchronized ResponseEntity<?> keepAlive(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                             @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                                             @RequestBody(required = false) @Nullable Map<String, Object> body) {
        limitRate("keep_alive");
        Session session = session(key, auth, body);
        requireOpen(session);
        session.lastActivity = clock.instant();
        return ResponseEntity.ok(Map.of("code", SUCCESS, "message", "success"));
    }

    @PostMapping("/v1/streaming.stop")
    synchronized ResponseEntity<?> stop(@RequestHeader(name = KEY, required = false) @Nullable String key,
                                        @RequestHeader(name = AUTH, required = false) @Nullable String auth,
                                        @RequestBody(required = false) @Nullable Map<String, Object> body) {
        limitRate("stop");
        Session session = session(key, auth, body);
        requireOpen(session);
        session.state = State.CLOSED;
        return ok(Map.of("status", "success"));
    }

    /** The sessions still open for this key: {@code new}, {@code connecting} or {@code connected}. */
    @GetMapping("/v1/streaming.list")
    synchronized ResponseEntity<?> list(@RequestHeader(name = KEY, required = false) @Nullable String key) {
        limitRate("list");
        checkKey(key);
        expire();
        List<Map<String, Object>> open = sessions.values().stream().filter(s -> s.state != State.CLOSED)
                .map(s -> Map.<String, Object>of("session_id", s.id,
                        "status", s.state == State.NEW ? "new" : "connected",
                        "created_at", s.createdAt.getEpochSecond()))
                .toList();
        return ok(Map.of("sessions", open));
    }

    @GetMapping("/v1/streaming/avatar.list")
    synchronized ResponseEntity<?> avatars(@RequestHeader(name = KEY, required = false) @Nullable String key) {
        limitRate("avatar.list");
        checkKey(key);
        return ok(List.of(
                avatar("Ann_Therapist_public", "Ann Therapist", "ACTIVE", "https://files.example/heygen/ann.webp"),
                avatar("Shawn_Therapist_public", "Shawn Therapist", "ACTIVE", "https://files.example/heygen/shawn.webp"),
                avatar("5b8ec8a2c6f94d6e9f0a1b2c3d4e5f60", "Still training", "INACTIVE",
                        "https://files.example/heygen/training.webp")));
    }

    private static Map<String, Object> avatar(String id, String pose, String status, String preview) {
        return Map.of("avatar_id", id, "created_at", 1_717_000_000, "default_voice", "b9a4c1f2e0d34c5a8f7e6d5c4b3a2910",
                "is_public", id.endsWith("_public"), "normal_preview", preview, "pose_name", pose, "status", status);
    }

    @GetMapping("/v2/voices")
    synchronized ResponseEntity<?> voices(@RequestHeader(name = KEY, required = false) @Nullable String key) {
        limitRate("voices");
        checkKey(key);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("error", null);
        answer.put("data", Map.of("voices", List.of(
                voice("c8f1a3e5d7b94f2a8c6e4d2b0a9f7e51", "Alina", "Russian", "female"),
                voice("d2e4f6a8b0c14e3a9d7f5b3c1e0a8f62", "James", "English", "male"))));
        return ResponseEntity.ok(answer);
    }

    private static Map<String, Object> voice(String id, String name, String language, String gender) {
        return Map.of("voice_id", id, "name", name, "language", language, "gender", gender,
                "preview_audio", "https://files.example/heygen/" + id + ".mp3", "support_pause", true,
                "emotion_support", false);
    }

    /** The session a call is about: the bearer's own, or any of the key's by {@code session_id}. */
    private Session session(@Nullable String key, @Nullable String auth, @Nullable Map<String, Object> body) {
        Object id = body == null ? null : body.get("session_id");
        if (!(id instanceof String sessionId) || sessionId.isBlank()) {
            throw unauthorized(); // what HeyGen answers to a missing session_id
        }
        String token = bearer(auth);
        Session session;
        if (token != null) {
            session = sessionsByToken.get(token);
            if (session == null || !session.id.equals(sessionId)) {
                throw unauthorized();
            }
        } else {
            checkKey(key);
            session = sessions.get(sessionId);
            if (session == null) {
                throw new Refused(HttpStatus.NOT_FOUND, NOT_FOUND, "Session not found");
            }
        }
        expire();
        return session;
    }

    private static void require(Session session, State state) {
        requireOpen(session);
        if (session.state != state) {
            throw new Refused(HttpStatus.BAD_REQUEST, WRONG_STATE, "Session is not in correct state");
        }
    }

    private static void requireOpen(Session session) {
        if (session.state == State.CLOSED) {
            throw new Refused(HttpStatus.BAD_REQUEST, STATE_CLOSED, "session state wrong: closed");
        }
    }

    /** HeyGen closes a session nobody used for its activity idle timeout, and a started one at its duration limit. */
    private void expire() {
        Instant now = clock.instant();
        for (Session session : sessions.values()) {
            if (session.state == State.CLOSED) {
                continue;
            }
            boolean idle = Duration.between(session.lastActivity, now).compareTo(session.idleTimeout) >= 0;
            boolean tooLong = session.startedAt != null
                    && Duration.between(session.startedAt, now).compareTo(properties.sessionDurationLimit()) >= 0;
            if (idle || tooLong) {
                session.state = State.CLOSED;
            }
        }
    }

    private void checkKey(@Nullable String key) {
        if (!properties.apiKey().equals(key)) {
            throw unauthorized();
        }
    }

    private static @Nullable String bearer(@Nullable String auth) {
        return auth != null && auth.startsWith("Bearer ") ? auth.substring("Bearer ".length()) : null;
    }

    private static Refused unauthorized() {
        return new Refused(HttpStatus.UNAUTHORIZED, UNAUTHORIZED, "Unauthorized");
    }

    /** At most so many requests to one endpoint in any second. */
    private void limitRate(String endpoint) {
        if (properties.requestsPerSecond() <= 0) {
            return;
        }
        long now = System.nanoTime();
        long second = Duration.ofSeconds(1).toNanos();
        Deque<Long> recent = recentRequests.computeIfAbsent(endpoint, e -> new ArrayDeque<>());
        while (!recent.isEmpty() && now - recent.peekFirst() >= second) {
            recent.pollFirst();
        }
        if (recent.size() >= properties.requestsPerSecond()) {
            long waitSeconds = Math.max(1, (second - (now - recent.peekFirst()) + second - 1) / second);
            throw new Refused(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(waitSeconds))
                    .body(envelope(TOO_MANY_REQUESTS, "Too many requests, please slow down", null)));
        }
        recent.addLast(now);
    }

    private static ResponseEntity<?> ok(@Nullable Object data) {
        return ResponseEntity.ok(envelope(SUCCESS, "success", data));
    }

    private static Map<String, Object> envelope(int code, String message, @Nullable Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("message", message);
        if (data != null) {
            envelope.put("data", data);
        }
        return envelope;
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
