package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The LiveAvatar session API, server side: create a session token with the API key, start the session with that
 * token, keep it alive, stop it, and list the sessions still running. Errors become {@link AvatarUnavailableException}
 * ({@link AvatarBusyException} when every line is taken); a 429 is retried after its {@code Retry-After} for calls
 * that may safely be repeated (keep-alive, stop, list).
 */
class LiveAvatarApi {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int RETRIES = 2;

    private final OkHttpClient http;
    private final HttpUrl base;
    private final @Nullable String apiKey;
    private final JsonMapper json = JsonMapper.builder().build();

    LiveAvatarApi(LiveAvatarProperties properties) {
        this.http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .callTimeout(properties.callTimeout())
                .readTimeout(properties.callTimeout())
                .build();
        this.base = HttpUrl.get(properties.baseUrl().toString());
        this.apiKey = properties.apiKey();
    }

    /** A session token and id for a FULL-mode session (the avatar's own voice pipeline; we send it text). */
    SessionToken createToken(String avatarId, Locale language, @Nullable String voiceId, @Nullable String contextId,
                             boolean sandbox) {
        Map<String, Object> persona = new java.util.LinkedHashMap<>();
        persona.put("language", language.getLanguage());
        if (voiceId != null && !voiceId.isBlank()) {
            persona.put("voice_id", voiceId);
        }
        if (contextId != null && !contextId.isBlank()) {
            persona.put("context_id", contextId);
        }
        Map<String, Object> body = Map.of("mode", "FULL", "avatar_id", avatarId, "avatar_persona", persona,
                "is_sandbox", sandbox, "video_settings", Map.of("quality", "high", "encoding", "H264"));
        JsonNode data = call(withApiKey(post("/v1/sessions/token", body)), false);
        return new SessionToken(data.path("session_id").asString(), data.path("session_token").asString());
    }

    /** Starts the session: the avatar joins a LiveKit room; the browser joins with the client token. */
    StartedSession start(SessionToken token) {
        JsonNode data = call(withBearer(post("/v1/sessions/start", Map.of()), token), false);
        return new StartedSession(data.path("session_id").asString(), data.path("livekit_url").asString(),
                data.path("livekit_client_token").asString(),
                data.path("max_session_duration").isNumber() ? data.path("max_session_duration").asInt() : null);
    }

    void keepAlive(SessionToken token) {
        call(withBearer(post("/v1/sessions/keep-alive", Map.of("session_id", token.sessionId())), token), true);
    }

    /** Stops a session; one that is already over counts as stopped. */
    void stop(String sessionId, String reason) {
        try {
            call(withApiKey(post("/v1/sessions/stop", Map.of("session_id", sessionId, "reason", reason))), true);
        } catch (LiveAvatarError e) {
            if (e.status != 400 && e.status != 404) {
                throw e;
            }
        }
    }

    /** The ids of the sessions LiveAvatar still runs for this key. */
    List<String> activeSessions() {
        return activeSessionsSince().keySet().stream().toList();
    }

    /** The sessions LiveAvatar still runs for this key, with when each was created. */
    Map<String, java.time.Instant> activeSessionsSince() {
        Map<String, java.time.Instant> ids = new java.util.LinkedHashMap<>();
        HttpUrl url = base.newBuilder().addPathSegments("v1/sessions").addQueryParameter("type", "active")
                .addQueryParameter("page_size", "100").build();
        for (HttpUrl page = url; page != null; ) {
            JsonNode data = call(withApiKey(new Request.Builder().url(page).get()), true);
            data.path("results").forEach(session -> ids.put(session.path("id").asString(),
                    createdAt(session.path("created_at").asString(""))));
            String next = data.path("next").isString() ? data.path("next").asString() : null;
            page = next == null || next.isBlank() ? null : HttpUrl.parse(next);
        }
        return ids;
    }

    /** The faces, voices and contexts this key may use (public and own), every page of them. */
    AvatarCatalog catalog() {
        List<AvatarCatalog.Face> faces = new java.util.ArrayList<>();
        for (String path : List.of("v1/avatars/public", "v1/avatars")) {
            pages(path, avatar -> {
                if ("ACTIVE".equals(avatar.path("status").asString("ACTIVE"))) {
                    faces.add(new AvatarCatalog.Face(avatar.path("id").asString(), avatar.path("name").asString(""),
                            avatar.path("preview_url").isString() ? avatar.path("preview_url").asString() : null));
                }
            });
        }
        List<AvatarCatalog.Voice> voices = new java.util.ArrayList<>();
        pages("v1/voices", voice -> voices.add(new AvatarCatalog.Voice(voice.path("id").asString(),
                voice.path("name").asString(""), voice.path("language").asString(""), voice.path("gender").asString(""))));
        List<AvatarCatalog.Context> contexts = new java.util.ArrayList<>();
        pages("v1/contexts", context -> contexts.add(new AvatarCatalog.Context(context.path("id").asString(),
                context.path("name").asString(""))));
        return new AvatarCatalog(faces, voices, contexts);
    }

    /** Walks a paginated list ({@code count, next, previous, results}). */
    private void pages(String path, java.util.function.Consumer<JsonNode> each) {
        HttpUrl first = base.newBuilder().addPathSegments(path).addQueryParameter("page_size", "100").build();
        for (HttpUrl page = first; page != null; ) {
            JsonNode data = call(withApiKey(new Request.Builder().url(page).get()), true);
            data.path("results").forEach(each::accept);
            String next = data.path("next").isString() ? data.path("next").asString() : null;
            page = next == null || next.isBlank() ? null : HttpUrl.parse(next);
        }
    }

    private static java.time.Instant createdAt(String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.Instant.parse(text);
            } catch (java.time.format.DateTimeParseException unknown) {
                return java.time.Instant.EPOCH; // no usable time: old enough to be reconciled
            }
        }
    }

    private Request.Builder post(String path, Object body) {
        return new Request.Builder().url(base.newBuilder().addPathSegments(path.substring(1)).build())
                .post(RequestBody.create(json.writeValueAsString(body), JSON));
    }

    private Request.Builder withApiKey(Request.Builder request) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new AvatarUnavailableException("LIVEAVATAR_API_KEY is not set");
        }
        return request.header("X-API-KEY", apiKey);
    }

    private static Request.Builder withBearer(Request.Builder request, SessionToken token) {
        return request.header("Authorization", "Bearer " + token.sessionToken());
    }

    /** Runs a request and returns the envelope's {@code data}; retries a 429 only where repeating is safe. */
    private JsonNode call(Request.Builder request, boolean idempotent) {
        for (int attempt = 0; ; attempt++) {
            try (Response response = http.newCall(request.build()).execute()) {
                String text = response.body().string();
                if (response.isSuccessful()) {
                    return json.readTree(text.isBlank() ? "{}" : text).path("data");
                }
                AvatarUnavailableException error = LiveAvatarError.of(response.code(), text, json);
                if (response.code() == 429 && idempotent && attempt < RETRIES) {
                    sleep(retryAfter(response, attempt));
                    continue;
                }
                throw error;
            } catch (IOException e) {
                if (!idempotent || attempt >= RETRIES) {
                    throw new AvatarUnavailableException("LiveAvatar cannot be reached: " + e.getMessage(), e);
                }
                sleep(Duration.ofMillis(250L << attempt));
            }
        }
    }

    private static Duration retryAfter(Response response, int attempt) {
        String header = response.header("Retry-After");
        try {
            return header == null ? Duration.ofMillis(500L << attempt) : Duration.ofSeconds(Long.parseLong(header.trim()));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AvatarUnavailableException("interrupted while waiting for LiveAvatar", e);
        }
    }

    record SessionToken(String sessionId, String sessionToken) {
    }

    record StartedSession(String sessionId, String livekitUrl, String livekitClientToken,
                          @Nullable Integer maxSessionDuration) {
    }

    /** An error answer from LiveAvatar, with its HTTP status and message. */
    static class LiveAvatarError extends AvatarUnavailableException {

        final int status;

        LiveAvatarError(int status, String message) {
            super("LiveAvatar answered " + status + ": " + message);
            this.status = status;
        }

        static AvatarUnavailableException of(int status, String body, JsonMapper json) {
            String message = message(body, json);
            if (message.toLowerCase(Locale.ROOT).contains("concurrent")) {
                return new AvatarBusyException("LiveAvatar: " + message);
            }
            return new LiveAvatarError(status, message);
        }

        /** The envelope's {@code message}, or FastAPI's {@code detail} (a string, or a list of validation errors). */
        private static String message(String body, JsonMapper json) {
            try {
                JsonNode root = json.readTree(body);
                if (root.path("message").isString()) {
                    return root.path("message").asString();
                }
                JsonNode detail = root.path("detail");
                if (detail.isArray() && !detail.isEmpty()) {
                    return detail.get(0).path("msg").asString() + " at " + detail.get(0).path("loc");
                }
                return detail.isString() ? detail.asString() : body;
            } catch (RuntimeException notJson) {
                return body.length() > 200 ? body.substring(0, 200) : body;
            }
        }
    }
}
