package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.VendorHttp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The LiveAvatar session API, server side: create a session token with the API key, start the session with that
 * token, keep it alive, stop it, and list the sessions still running. Errors become {@link AvatarUnavailableException}
 * ({@link AvatarBusyException} when every line is taken); calls that may safely be repeated (keep-alive, stop, lists)
 * are tried again after a rate limit or a lost connection ({@link VendorHttp}).
 */
class LiveAvatarApi {

    private final VendorHttp http;
    private final @Nullable String apiKey;

    LiveAvatarApi(LiveAvatarProperties properties) {
        this.http = new VendorHttp("LiveAvatar", properties.baseUrl(), properties.connectTimeout(),
                properties.callTimeout());
        this.apiKey = properties.apiKey();
    }

    /** A session token and id for a FULL-mode session (the avatar's own voice pipeline; we send it text). */
    SessionToken createToken(String avatarId, Locale language, @Nullable String voiceId, @Nullable String contextId,
                             boolean sandbox) {
        Map<String, Object> persona = new LinkedHashMap<>();
        persona.put("language", language.getLanguage());
        if (voiceId != null && !voiceId.isBlank()) {
            persona.put("voice_id", voiceId);
        }
        if (contextId != null && !contextId.isBlank()) {
            persona.put("context_id", contextId);
        }
        Map<String, Object> body = Map.of("mode", "FULL", "avatar_id", avatarId, "avatar_persona", persona,
                "is_sandbox", sandbox, "video_settings", Map.of("quality", "high", "encoding", "H264"));
        JsonNode data = http.call(withApiKey(http.post("v1/sessions/token", body)), false);
        return new SessionToken(data.path("session_id").asString(), data.path("session_token").asString());
    }

    /**
     * A session token and id for a LITE-mode session: LiveAvatar renders the face from audio we send over the
     * session's WebSocket. With {@code room}, the avatar streams into that room of ours instead of one of LiveAvatar's.
     */
    SessionToken createLiteToken(String avatarId, boolean sandbox, @Nullable LiveKitConfig room) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", "LITE");
        body.put("avatar_id", avatarId);
        body.put("is_sandbox", sandbox);
        body.put("video_settings", Map.of("quality", "high", "encoding", "H264"));
        if (room != null) {
            // The OpenAPI's LiteSDKSessionTokenConfigDataSchema; HeyGen's skills guide shows {url, token} instead.
            body.put("livekit_config", Map.of("livekit_url", room.url(), "livekit_room", room.room(),
                    "livekit_client_token", room.avatarToken()));
        }
        JsonNode data = http.call(withApiKey(http.post("v1/sessions/token", body)), false);
        return new SessionToken(data.path("session_id").asString(), data.path("session_token").asString());
    }

    /**
     * Starts the session: the avatar joins a LiveKit room; the browser joins with the client token. A LITE session
     * also gets the address of its WebSocket ({@code ws_url}).
     */
    StartedSession start(SessionToken token) {
        JsonNode data = http.call(withBearer(http.post("v1/sessions/start", Map.of()), token), false);
        return new StartedSession(data.path("session_id").asString(), data.path("livekit_url").asString(),
                data.path("livekit_client_token").asString(),
                data.path("max_session_duration").isNumber() ? data.path("max_session_duration").asInt() : null,
                data.path("ws_url").isString() && !data.path("ws_url").asString().isBlank()
                        ? data.path("ws_url").asString() : null);
    }

    void keepAlive(SessionToken token) {
        http.call(withBearer(http.post("v1/sessions/keep-alive", Map.of("session_id", token.sessionId())), token), true);
    }

    /** Stops a session; one that is already over counts as stopped. */
    void stop(String sessionId, String reason) {
        try {
            http.call(withApiKey(http.post("v1/sessions/stop", Map.of("session_id", sessionId, "reason", reason))), true);
        } catch (VendorHttp.Refusal e) {
            if (e.status() != 400 && e.status() != 404) {
                throw e;
            }
        }
    }

    /** The ids of the sessions LiveAvatar still runs for this key. */
    List<String> activeSessions() {
        return activeSessionsSince().keySet().stream().toList();
    }

    /** The sessions LiveAvatar still runs for this key, with when each was created. */
    Map<String, Instant> activeSessionsSince() {
        Map<String, Instant> ids = new LinkedHashMap<>();
        pages(http.url("v1/sessions").addQueryParameter("type", "active"), session -> ids.put(
                session.path("id").asString(), createdAt(session.path("created_at").asString(""))));
        return ids;
    }

    /** The faces, voices and contexts this key may use (public and own), every page of them. */
    AvatarCatalog catalog() {
        List<AvatarCatalog.Face> faces = new ArrayList<>();
        for (String path : List.of("v1/avatars/public", "v1/avatars")) {
            pages(http.url(path), avatar -> {
                if ("ACTIVE".equals(avatar.path("status").asString("ACTIVE"))) {
                    faces.add(new AvatarCatalog.Face(avatar.path("id").asString(), avatar.path("name").asString(""),
                            avatar.path("preview_url").isString() ? avatar.path("preview_url").asString() : null));
                }
            });
        }
        List<AvatarCatalog.Voice> voices = new ArrayList<>();
        pages(http.url("v1/voices"), voice -> voices.add(new AvatarCatalog.Voice(voice.path("id").asString(),
                voice.path("name").asString(""), voice.path("language").asString(""), voice.path("gender").asString(""))));
        List<AvatarCatalog.Context> contexts = new ArrayList<>();
        pages(http.url("v1/contexts"), context -> contexts.add(new AvatarCatalog.Context(context.path("id").asString(),
                context.path("name").asString(""))));
        return new AvatarCatalog(faces, voices, contexts);
    }

    /** Walks a paginated list ({@code count, next, previous, results}). */
    private void pages(HttpUrl.Builder first, Consumer<JsonNode> each) {
        for (HttpUrl page = first.addQueryParameter("page_size", "100").build(); page != null; ) {
            JsonNode data = http.call(withApiKey(http.get(page)), true);
            data.path("results").forEach(each);
            String next = data.path("next").isString() ? data.path("next").asString() : null;
            page = next == null || next.isBlank() ? null : HttpUrl.parse(next);
        }
    }

    private static Instant createdAt(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException unknown) {
                return Instant.EPOCH; // no usable time: old enough to be reconciled
            }
        }
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

    record SessionToken(String sessionId, String sessionToken) {
    }

    record StartedSession(String sessionId, String livekitUrl, String livekitClientToken,
                          @Nullable Integer maxSessionDuration, @Nullable String wsUrl) {
    }

    /** A room of ours for a LITE avatar: where it is, its name, and the token the avatar joins it with. */
    record LiveKitConfig(String url, String room, String avatarToken) {
    }
}
