package app.avatarcall.avatar.speech;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.VendorHttp;
import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI speech client against the in-process stand-in of {@code POST /v1/audio/speech}, over real HTTP: the
 * contract both keep (fields, limits, error shapes), so that OpenAI or a local server is configuration only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "fake-tts.requests-per-second=50")
@ActiveProfiles({"test", "fake-tts"})
@Import(TestBeans.class)
class OpenAiSpeechContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Locale RU = Locale.forLanguageTag("ru");

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    private OpenAiSpeech speech(String key) {
        return new OpenAiSpeech(properties(URI.create("http://localhost:" + port + "/fake-tts/v1"), key));
    }

    private static SpeechProperties properties(URI baseUrl, String key) {
        return new SpeechProperties(baseUrl, key, "gpt-4o-mini-tts", "alloy", Map.of("ru", "nova"), 1.0,
                Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    private static byte[] readAll(SpeechAudio audio) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try (audio) {
            for (int read; (read = audio.read(buffer, 0, buffer.length)) >= 0; ) {
                out.write(buffer, 0, read);
            }
        }
        return out.toByteArray();
    }

    @Test
    void speech_is_pcm16_at_24_khz_as_long_as_the_text_takes_to_say_with_sound_and_pauses_to_move_lips_to() {
        String text = "Привет! Как у вас дела сегодня?";

        byte[] pcm = readAll(speech("fake-tts-key").synthesize(text, RU, null));

        assertThat(pcm.length % 2).isZero();
        Duration length = SpeechSynthesizer.duration(pcm.length);
        assertThat(length).isBetween(Duration.ofMillis(50L * text.length()), Duration.ofMillis(120L * text.length()));
        List<Double> loudness = loudnessEvery20Ms(pcm);
        assertThat(loudness).anyMatch(rms -> rms > 2000); // vowels
        assertThat(loudness).anyMatch(rms -> rms < 50); // pauses between words and after "!"
    }

    @Test
    void a_longer_text_makes_longer_speech_and_speed_makes_it_shorter() {
        byte[] shortOne = readAll(speech("fake-tts-key").synthesize("Да.", Locale.ENGLISH, null));
        byte[] longOne = readAll(speech("fake-tts-key").synthesize("Yes, and a good deal more than that.",
                Locale.ENGLISH, null));
        OpenAiSpeech fast = new OpenAiSpeech(new SpeechProperties(URI.create("http://localhost:" + port
                + "/fake-tts/v1"), "fake-tts-key", "tts-1", "echo", Map.of(), 2.0, Duration.ofSeconds(2),
                Duration.ofSeconds(10)));
        byte[] fastOne = readAll(fast.synthesize("Yes, and a good deal more than that.", Locale.ENGLISH, null));

        assertThat(longOne.length).isGreaterThan(5 * shortOne.length);
        assertThat(fastOne.length).isBetween(longOne.length * 2 / 5, longOne.length * 3 / 5);
    }

    @Test
    void a_text_longer_than_the_apis_limit_is_said_in_pieces_cut_between_sentences() {
        String sentence = "Это одно предложение, которое повторяется снова и снова. ";
        String text = sentence.repeat(200); // about 11,600 characters: three requests

        List<String> pieces = OpenAiSpeech.pieces(text.strip());
        byte[] pcm = readAll(speech("fake-tts-key").synthesize(text, RU, null));

        assertThat(pieces).hasSize(3).allMatch(piece -> piece.length() <= 4096 && piece.endsWith("."));
        assertThat(String.join(" ", pieces)).isEqualTo(text.strip());
        assertThat(SpeechSynthesizer.duration(pcm.length)).isGreaterThan(Duration.ofMillis(50L * text.length()));
    }

    @Test
    void a_wrong_key_is_refused_with_openais_own_message() {
        assertThatThrownBy(() -> speech("sk-wrong-key-1234").synthesize("Привет", RU, null))
                .isInstanceOf(VendorHttp.Refusal.class)
                .hasMessageContaining("401").hasMessageContaining("Incorrect API key provided: sk-w*********1234")
                .satisfies(e -> assertThat(((VendorHttp.Refusal) e).status()).isEqualTo(401));
    }

    @Test
    void a_key_whose_quota_is_spent_is_a_clear_refusal_after_trying_again() {
        assertThatThrownBy(() -> speech("fake-tts-exhausted-key").synthesize("Привет", RU, null))
                .isInstanceOf(AvatarBusyException.class)
                .hasMessageContaining("429").hasMessageContaining("exceeded your current quota");
    }

    @Test
    void a_server_out_of_reach_is_unavailable() throws Exception {
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        OpenAiSpeech nowhere = new OpenAiSpeech(properties(URI.create("http://localhost:" + closed + "/v1"), "k"));

        assertThatThrownBy(() -> nowhere.synthesize("Привет", RU, null))
                .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("cannot be reached");
    }

    @Test
    void a_server_that_answers_mp3_is_refused_rather_than_sent_on_as_noise() throws Exception {
        HttpServer mp3 = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        mp3.createContext("/v1/audio/speech", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Content-Type", "audio/mpeg");
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write(new byte[] {(byte) 0xff, (byte) 0xfb, 0, 0});
            exchange.close();
        });
        mp3.start();
        try {
            OpenAiSpeech ignoresPcm = new OpenAiSpeech(properties(
                    URI.create("http://localhost:" + mp3.getAddress().getPort() + "/v1"), "k"));

            assertThatThrownBy(() -> ignoresPcm.synthesize("Привет", RU, null))
                    .isInstanceOf(AvatarUnavailableException.class).hasMessageContaining("audio/mpeg, not raw PCM");
        } finally {
            mp3.stop(0);
        }
    }

    @Test
    void a_reply_is_said_in_its_tone_by_models_that_take_instructions_and_plainly_by_the_others() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        HttpServer recorder = recorder(bodies);
        try {
            URI base = URI.create("http://localhost:" + recorder.getAddress().getPort() + "/v1");
            readAll(new OpenAiSpeech(properties(base, "sk-local")).synthesize("Great!", Locale.ENGLISH, null,
                    app.avatarcall.avatar.Emotion.HAPPY));
            readAll(new OpenAiSpeech(new SpeechProperties(base, "sk-local", "tts-1", "alloy", Map.of(), 1.0,
                    Duration.ofSeconds(2), Duration.ofSeconds(10))).synthesize("Great!", Locale.ENGLISH, null,
                    app.avatarcall.avatar.Emotion.HAPPY));
        } finally {
            recorder.stop(0);
        }

        assertThat(bodies.get(0).path("instructions").asString()).contains("cheerful");
        assertThat(bodies.get(1).has("instructions")).isFalse(); // tts-1 does not take them
    }

    /** A stand-in server that keeps every request body and answers four bytes of silence. */
    private static HttpServer recorder(List<JsonNode> bodies) throws java.io.IOException {
        HttpServer recorder = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        recorder.createContext("/v1/audio/speech", exchange -> {
            synchronized (bodies) {
                bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            }
            exchange.getResponseHeaders().add("Content-Type", "audio/pcm");
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write(new byte[4]);
            exchange.close();
        });
        recorder.start();
        return recorder;
    }

    @Test
    void the_request_carries_openais_fields_with_pcm_and_the_voice_for_the_language() throws Exception {
        List<JsonNode> bodies = new ArrayList<>();
        HttpServer recorder = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        recorder.createContext("/v1/audio/speech", exchange -> {
            synchronized (bodies) {
                bodies.add(JSON.readTree(exchange.getRequestBody().readAllBytes()));
            }
            exchange.getResponseHeaders().add("Content-Type", "audio/pcm");
            exchange.getResponseHeaders().add("X-Authorization-Seen", String.valueOf(
                    exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.sendResponseHeaders(200, 4);
            exchange.getResponseBody().write(new byte[4]);
            exchange.close();
        });
        recorder.start();
        try {
            OpenAiSpeech client = new OpenAiSpeech(properties(
                    URI.create("http://localhost:" + recorder.getAddress().getPort() + "/v1"), "sk-local"));
            readAll(client.synthesize("Привет", RU, null));
            readAll(client.synthesize("Hello", Locale.ENGLISH, null));
            readAll(client.synthesize("Hello", Locale.ENGLISH, "shimmer"));
        } finally {
            recorder.stop(0);
        }

        assertThat(bodies).extracting(body -> body.path("voice").asString()).containsExactly("nova", "alloy", "shimmer");
        assertThat(bodies.get(0).path("model").asString()).isEqualTo("gpt-4o-mini-tts");
        assertThat(bodies.get(0).path("input").asString()).isEqualTo("Привет");
        assertThat(bodies.get(0).path("response_format").asString()).isEqualTo("pcm");
        assertThat(bodies.get(0).path("speed").asDouble()).isEqualTo(1.0);
    }

    @Test
    void the_stand_in_refuses_no_key_empty_or_too_long_input_and_unknown_voices_and_models_as_openai_does()
            throws Exception {
        HttpResponse<String> noKey = post(null, Map.of("model", "tts-1", "input", "Hi", "voice", "alloy"));
        HttpResponse<String> empty = post("fake-tts-key", Map.of("model", "tts-1", "input", "", "voice", "alloy"));
        HttpResponse<String> tooLong = post("fake-tts-key", Map.of("model", "tts-1", "input", "a".repeat(4097),
                "voice", "alloy", "response_format", "pcm"));
        HttpResponse<String> longest = post("fake-tts-key", Map.of("model", "tts-1", "input", "a".repeat(4096),
                "voice", "alloy", "response_format", "pcm"));
        HttpResponse<String> voice = post("fake-tts-key", Map.of("model", "tts-1", "input", "Hi", "voice", "nobody"));
        HttpResponse<String> model = post("fake-tts-key", Map.of("model", "tts-9", "input", "Hi", "voice", "alloy"));
        HttpResponse<String> speed = post("fake-tts-key", Map.of("model", "tts-1", "input", "Hi", "voice", "alloy",
                "response_format", "pcm", "speed", 5));

        assertError(noKey, 401, "invalid_request_error", null, null);
        assertThat(error(noKey).path("message").asString()).startsWith("You didn't provide an API key");
        assertError(empty, 400, "invalid_request_error", "input", "string_too_short");
        assertError(tooLong, 400, "invalid_request_error", "input", "string_above_max_length");
        assertThat(longest.statusCode()).isEqualTo(200);
        assertError(voice, 400, "invalid_request_error", "voice", "invalid_value");
        assertError(model, 404, "invalid_request_error", null, "model_not_found");
        assertError(speed, 400, "invalid_request_error", "speed", "invalid_value");
    }

    @Test
    void too_many_requests_in_a_second_get_429_rate_limit_exceeded() throws Exception {
        clock.advance(Duration.ofSeconds(1)); // a window of our own
        Map<String, Object> tiny = Map.of("model", "tts-1", "input", "a", "voice", "alloy", "response_format", "pcm");
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 51; i++) {
            last = post("fake-tts-key", tiny);
            statuses.add(last.statusCode());
        }
        clock.advance(Duration.ofSeconds(1));

        assertThat(statuses.subList(0, 50)).containsOnly(200);
        assertError(last, 429, "requests", null, "rate_limit_exceeded");
        assertThat(last.headers().firstValue("x-ratelimit-remaining-requests")).contains("0");
        assertThat(post("fake-tts-key", tiny).statusCode()).isEqualTo(200); // the next second
    }

    private HttpResponse<String> post(String key, Map<String, Object> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/fake-tts/v1/audio/speech"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode error(HttpResponse<String> response) {
        return JSON.readTree(response.body()).path("error");
    }

    private static void assertError(HttpResponse<String> response, int status, String type, String param,
                                    String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = error(response);
        assertThat(error.path("message").asString()).isNotBlank();
        assertThat(error.path("type").asString()).isEqualTo(type);
        assertThat(error.has("param")).isTrue();
        assertThat(error.path("param").isNull() ? null : error.path("param").asString()).isEqualTo(param);
        assertThat(error.path("code").isNull() ? null : error.path("code").asString()).isEqualTo(code);
    }

    private static List<Double> loudnessEvery20Ms(byte[] pcm) {
        int window = SpeechSynthesizer.SAMPLE_RATE / 50;
        List<Double> loudness = new ArrayList<>();
        for (int start = 0; start + 2 * window <= pcm.length; start += 2 * window) {
            double sum = 0;
            for (int i = start; i < start + 2 * window; i += 2) {
                short sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
                sum += (double) sample * sample;
            }
            loudness.add(Math.sqrt(sum / window));
        }
        return loudness;
    }
}
