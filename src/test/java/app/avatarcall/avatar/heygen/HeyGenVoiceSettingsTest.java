package app.avatarcall.avatar.heygen;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarSpec;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an avatar's profile sets (voice, pace, tone, knowledge base) is what streaming.new asks HeyGen for. */
class HeyGenVoiceSettingsTest {

    private static final String VOICE = "c8f1a3e5d7b94f2a8c6e4d2b0a9f7e51";
    private final AtomicReference<String> body = new AtomicReference<>();
    private final HttpServer server = start();

    private HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/v1/streaming.new", exchange -> {
                body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] answer = """
                        {"code":100,"message":"success","data":{"session_id":"s-1","url":"wss://room","access_token":"t"}}"""
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, answer.length);
                exchange.getResponseBody().write(answer);
                exchange.close();
            });
            http.start();
            return http;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private JsonNode sent(AvatarSpec spec) {
        var properties = new HeyGenProperties("key", URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "Ann_Therapist_public", null, "medium", "configured-kb", null, Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(30), "friendly");
        new HeyGenStreamingApi(properties).newSession("token", "Ann_Therapist_public", spec);
        return JsonMapper.builder().build().readTree(body.get());
    }

    @Test
    void the_profiles_voice_pace_tone_and_knowledge_base_are_sent() {
        JsonNode sent = sent(new AvatarSpec("Ann_Therapist_public", VOICE, Locale.ENGLISH, 1.25, "serious", "kb-7"));

        assertThat(sent.path("voice").path("voice_id").asString()).isEqualTo(VOICE);
        assertThat(sent.path("voice").path("rate").asDouble()).isEqualTo(1.25);
        assertThat(sent.path("voice").path("emotion").asString()).isEqualTo("serious");
        assertThat(sent.path("knowledge_base_id").asString()).isEqualTo("kb-7");
    }

    @Test
    void a_profile_without_them_keeps_the_configured_ones_and_a_demo_voice_hint_is_not_sent() {
        JsonNode sent = sent(new AvatarSpec("ava", "female", Locale.ENGLISH));

        assertThat(sent.path("voice").has("voice_id")).isFalse();
        assertThat(sent.path("voice").has("rate")).isFalse();
        assertThat(sent.path("voice").path("emotion").asString()).isEqualTo("friendly");
        assertThat(sent.path("knowledge_base_id").asString()).isEqualTo("configured-kb");
    }
}
