package app.avatarcall.avatar.heygen;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.VendorHttp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * HeyGen's Interactive Avatar streaming API, server side: a session token minted with the API key creates, starts,
 * commands ({@code talk} or {@code repeat} tasks, interrupt), keeps alive its one session; the API key stops any
 * session and lists those still open. Errors become {@link AvatarUnavailableException} ({@link AvatarBusyException}
 * at the concurrency or rate limit); calls that may safely be repeated (token, interrupt, keep-alive, stop, lists) are
 * tried again after a rate limit or a lost connection ({@link VendorHttp}). A new session or a task never is: twice
 * would be two sessions billed, or the avatar saying it twice.
 */
class HeyGenStreamingApi {

    private static final int STATE_CLOSED = 10005;
    /** What HeyGen's voice ids look like ({@code GET /v2/voices}). */
    private static final java.util.regex.Pattern VOICE_ID = java.util.regex.Pattern.compile("[0-9a-f]{32}");

    private final VendorHttp http;
    private final HeyGenProperties properties;

    HeyGenStreamingApi(HeyGenProperties properties) {
        this.http = new VendorHttp("HeyGen", properties.baseUrl(), properties.connectTimeout(), properties.callTimeout());
        this.properties = properties;
    }

    /** A session token: it creates one session and speaks for that session only. Minting one twice costs nothing. */
    String createToken() {
        // HeyGen refuses a token request that is not declared JSON, so it gets an empty JSON object.
        return withApiKey(http.post("v1/streaming.create_token", Map.of()), true).path("token").asString();
    }

    /** Creates a session in a LiveKit room; HeyGen's avatar joins it once the session is started. */
    NewSession newSession(String token, String avatarId, Locale language) {
        return newSession(token, avatarId, new AvatarSpec(avatarId, "", language));
    }

    /**
     * A session with the avatar's own voice, pace, tone and knowledge base where its profile has them (a voice is
     * HeyGen's only if it looks like one of its ids; the demo's hints are not), else the configured ones.
     */
    NewSession newSession(String token, String avatarId, AvatarSpec spec) {
        Locale language = spec.language();
        Map<String, Object> voice = new LinkedHashMap<>();
        @Nullable String voiceId = VOICE_ID.matcher(spec.voice()).matches() ? spec.voice() : properties.voiceId();
        if (HeyGenProperties.isSet(voiceId)) {
            voice.put("voice_id", voiceId);
        }
        if (spec.voiceSpeed() != 1.0) {
            voice.put("rate", spec.voiceSpeed());
        }
        String emotion = spec.voiceEmotion().isBlank() ? properties.voiceEmotion() : spec.voiceEmotion();
        if (HeyGenProperties.isSet(emotion)) {
            voice.put("emotion", emotion); // as HeyGen's SDK sends it: lower case
        }
        voice.put("elevenlabs_settings", Map.of("model_id", "eleven_multilingual_v2")); // says Russian best
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", "v2");
        body.put("avatar_id", avatarId);
        body.put("quality", properties.quality());
        body.put("language", language.getLanguage());
        body.put("voice", voice);
        body.put("video_encoding", "H264");
        body.put("activity_idle_timeout", properties.activityIdleTimeout().toSeconds());
        @Nullable String knowledgeBaseId = spec.context().isBlank() ? properties.knowledgeBaseId() : spec.context();
        if (HeyGenProperties.isSet(knowledgeBaseId)) {
            body.put("knowledge_base_id", knowledgeBaseId);
        }
        if (HeyGenProperties.isSet(properties.knowledgeBase())) {
            body.put("knowledge_base", properties.knowledgeBase());
        }
        JsonNode data = withBearer(http.post("v1/streaming.new", body), token, false);
        JsonNode limit = data.path("session_duration_limit");
        return new NewSession(data.path("session_id").asString(), data.path("url").asString(),
                data.path("access_token").asString(), limit.isNumber() ? limit.asInt() : null);
    }

    void start(String token, String sessionId) {
        withBearer(http.post("v1/streaming.start", Map.of("session_id", sessionId)), token, false);
    }

    /**
     * Gives the avatar a text to say ({@code repeat}) or to answer with HeyGen's language model ({@code talk}). The
     * task is queued behind whatever the avatar is saying; {@code async} answers as soon as it is queued.
     */
    Task task(String token, String sessionId, String text, String taskType) {
        Map<String, Object> body = Map.of("session_id", sessionId, "text", text, "task_type", taskType,
                "task_mode", "async");
        JsonNode data = withBearer(http.post("v1/streaming.task", body), token, false);
        return new Task(data.path("task_id").asString(), data.path("duration_ms").asDouble(0));
    }

    /** Cuts the avatar off and drops what is queued; an avatar that is not speaking is left as it is. */
    void interrupt(String token, String sessionId) {
        withBearer(http.post("v1/streaming.interrupt", Map.of("session_id", sessionId)), token, true);
    }

    /** Resets the session's activity idle timer. */
    void keepAlive(String token, String sessionId) {
        withBearer(http.post("v1/streaming.keep_alive", Map.of("session_id", sessionId)), token, true);
    }

    /** Stops a session with the API key (so that any session can be, token or not); one already over counts as stopped. */
    void stop(String sessionId) {
        try {
            withApiKey(http.post("v1/streaming.stop", Map.of("session_id", sessionId)), true);
        } catch (VendorHttp.Refusal e) {
            if (e.status() != 404 && !closed(e)) {
                throw e;
            }
        }
    }

    /** Whether HeyGen refused because the session is closed (idle timeout, duration limit, or stopped). */
    static boolean closed(VendorHttp.Refusal refusal) {
        return Integer.valueOf(STATE_CLOSED).equals(refusal.code());
    }

    /** The sessions HeyGen still has open for this key (new, connecting or connected), with when each was created. */
    Map<String, Instant> activeSessions() {
        Map<String, Instant> sessions = new LinkedHashMap<>();
        JsonNode data = withApiKey(http.get(http.url("v1/streaming.list").build()), true);
        data.path("sessions").forEach(session -> sessions.put(session.path("session_id").asString(),
                session.path("created_at").isNumber()
                        ? Instant.ofEpochSecond(session.path("created_at").asLong())
                        : Instant.EPOCH)); // no usable time: old enough to be reconciled
        return sessions;
    }

    /** The streaming avatars this key may use (ready ones, with their pictures) and HeyGen's voices. */
    AvatarCatalog catalog() {
        List<AvatarCatalog.Face> faces = new ArrayList<>();
        withApiKey(http.get(http.url("v1/streaming/avatar.list").build()), true).forEach(avatar -> {
            if ("ACTIVE".equals(avatar.path("status").asString("ACTIVE"))) {
                faces.add(new AvatarCatalog.Face(avatar.path("avatar_id").asString(),
                        avatar.path("pose_name").asString(avatar.path("avatar_id").asString()),
                        avatar.path("normal_preview").isString() ? avatar.path("normal_preview").asString() : null));
            }
        });
        List<AvatarCatalog.Voice> voices = new ArrayList<>();
        withApiKey(http.get(http.url("v2/voices").build()), true).path("voices").forEach(voice -> voices.add(
                new AvatarCatalog.Voice(voice.path("voice_id").asString(), voice.path("name").asString(""),
                        voice.path("language").asString(""), voice.path("gender").asString(""))));
        return new AvatarCatalog(faces, voices, List.of()); // knowledge bases are made at labs.heygen.com, not listed
    }

    private JsonNode withApiKey(Request.Builder request, boolean idempotent) {
        String key = properties.apiKey();
        if (key == null || key.isBlank()) {
            throw new AvatarUnavailableException("HEYGEN_API_KEY is not set");
        }
        try {
            return http.call(request.header("X-Api-Key", key), idempotent);
        } catch (VendorHttp.Refusal e) {
            if (e.status() == 401) {
                throw new AvatarUnavailableException("HeyGen refused the API key, check HEYGEN_API_KEY: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private JsonNode withBearer(Request.Builder request, String token, boolean idempotent) {
        return http.call(request.header("Authorization", "Bearer " + token), idempotent);
    }

    record NewSession(String sessionId, String livekitUrl, String livekitClientToken,
                      @Nullable Integer sessionDurationLimit) {
    }

    record Task(String taskId, double durationMs) {
    }
}
