package app.avatarcall.voice.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.testing.TestBeans;
import app.avatarcall.testing.TestClock;
import app.avatarcall.testing.Wavs;
import app.avatarcall.voice.TranscriptionFailed;
import app.avatarcall.voice.TranscriptionFailed.Reason;
import app.avatarcall.voice.Utterance;
import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible transcription client against the in-process fake over real HTTP, and the fake's own
 * contract (what a real OpenAI, faster-whisper or whisper.cpp server answers), so that a real server is
 * configuration only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "fake-stt.heard=something with sound in it", "fake-stt.requests-per-minute=6", "fake-stt.max-file-size=200KB"})
@ActiveProfiles({"test", "fake-stt"})
@Import(TestBeans.class)
class OpenAiTranscriberContractTest {

    private static final byte[] KNOWN = Wavs.tone(Duration.ofMillis(1200), 16000, 330);
    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;

    @DynamicPropertySource
    static void teach(DynamicPropertyRegistry registry) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(KNOWN));
        registry.add("fake-stt.known." + sha, () -> "Кто ты?");
    }

    @BeforeEach
    void aNewMinute() {
        clock.advance(Duration.ofMinutes(1)); // every test starts with the whole rate limit
    }

    private OpenAiTranscriber transcriber(String key, String model) {
        return new OpenAiTranscriber(new SttProperties(URI.create("http://localhost:" + port + "/fake-stt/v1"), key,
                model, Duration.ofSeconds(10)));
    }

    private OpenAiTranscriber transcriber() {
        return transcriber("fake-stt-key", "whisper-1");
    }

    @Test
    void audio_it_was_told_about_comes_back_as_its_text() {
        assertThat(transcriber().transcribe(new Utterance(KNOWN, RU))).isEqualTo("Кто ты?");
    }

    @Test
    void other_sound_gets_the_configured_text_and_silence_an_empty_one() {
        assertThat(transcriber().transcribe(new Utterance(Wavs.tone(Duration.ofSeconds(1), 16000, 500), Locale.ENGLISH)))
                .isEqualTo("something with sound in it");
        assertThat(transcriber().transcribe(new Utterance(Wavs.silence(Duration.ofSeconds(1), 16000), Locale.ENGLISH)))
                .isEmpty();
    }

    @Test
    void a_wrong_key_or_model_is_the_services_problem_not_the_persons() {
        Utterance utterance = new Utterance(KNOWN, RU);

        assertThatThrownBy(() -> transcriber("wrong", "whisper-1").transcribe(utterance))
                .isInstanceOf(TranscriptionFailed.class).hasMessageContaining("401").hasMessageContaining("Incorrect API key")
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.UNAVAILABLE);
        assertThatThrownBy(() -> transcriber("fake-stt-key", "no-such-model").transcribe(utterance))
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.REJECTED);
    }

    @Test
    void audio_the_service_cannot_read_is_rejected_too_big_is_too_large() {
        assertThatThrownBy(() -> transcriber().transcribe(new Utterance("not a wav".getBytes(), RU)))
                .hasMessageContaining("Invalid file format")
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.REJECTED);
        assertThatThrownBy(() -> transcriber().transcribe(new Utterance(Wavs.tone(Duration.ofMillis(50), 16000, 440), RU)))
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> transcriber().transcribe(new Utterance(Wavs.tone(Duration.ofSeconds(10), 16000, 440), RU)))
                .hasMessageContaining("413")
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void past_the_rate_limit_the_service_is_busy() {
        for (int i = 0; i < 6; i++) {
            transcriber().transcribe(new Utterance(KNOWN, RU));
        }
        assertThatThrownBy(() -> transcriber().transcribe(new Utterance(KNOWN, RU)))
                .hasMessageContaining("Rate limit reached")
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.BUSY);
    }

    @Test
    void an_unreachable_server_is_unavailable() throws IOException {
        int closed;
        try (var socket = new java.net.ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var nowhere = new OpenAiTranscriber(new SttProperties(URI.create("http://localhost:" + closed + "/v1"), null,
                "whisper-1", Duration.ofSeconds(5)));

        assertThatThrownBy(() -> nowhere.transcribe(new Utterance(KNOWN, RU)))
                .extracting(e -> ((TranscriptionFailed) e).reason()).isEqualTo(Reason.UNAVAILABLE);
    }

    // The fake's contract, as any OpenAI-compatible client sees it.

    private Response post(String key, String format, String fileName, byte[] file) throws IOException {
        MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("model", "whisper-1").addFormDataPart("language", "en");
        if (format != null) {
            form.addFormDataPart("response_format", format);
        }
        if (file != null) {
            form.addFormDataPart("file", fileName, RequestBody.create(file, MediaType.get("audio/wav")));
        }
        Request request = new Request.Builder().url("http://localhost:" + port + "/fake-stt/v1/audio/transcriptions")
                .header("Authorization", "Bearer " + key).post(form.build()).build();
        return new OkHttpClient().newCall(request).execute();
    }

    @Test
    void the_fake_answers_in_every_response_format() throws IOException {
        try (Response json = post("fake-stt-key", null, "a.wav", KNOWN)) {
            assertThat(JSON.readTree(json.body().string()).path("text").asString()).isEqualTo("Кто ты?");
        }
        try (Response text = post("fake-stt-key", "text", "a.wav", KNOWN)) {
            assertThat(text.header("Content-Type")).startsWith("text/plain");
            assertThat(text.body().string()).isEqualTo("Кто ты?");
        }
        try (Response verbose = post("fake-stt-key", "verbose_json", "a.wav", KNOWN)) {
            JsonNode body = JSON.readTree(verbose.body().string());
            assertThat(body.path("task").asString()).isEqualTo("transcribe");
            assertThat(body.path("language").asString()).isEqualTo("english");
            assertThat(body.path("duration").asDouble()).isEqualTo(1.2);
            assertThat(body.path("segments").get(0).path("text").asString()).isEqualTo("Кто ты?");
        }
        try (Response srt = post("fake-stt-key", "srt", "a.wav", KNOWN)) {
            assertThat(srt.body().string()).isEqualTo("1\n00:00:00,000 --> 00:00:01,200\nКто ты?\n\n");
        }
    }

    @Test
    void the_fakes_errors_have_openais_shape() throws IOException {
        try (Response noKey = post("", "json", "a.wav", KNOWN)) {
            assertThat(noKey.code()).isEqualTo(401);
            assertThat(JSON.readTree(noKey.body().string()).path("error").path("code").asString()).isEqualTo("invalid_api_key");
        }
        try (Response noFile = post("fake-stt-key", "json", null, null)) {
            JsonNode error = JSON.readTree(noFile.body().string()).path("error");
            assertThat(noFile.code()).isEqualTo(400);
            assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
            assertThat(error.path("param").asString()).isEqualTo("file");
        }
        try (Response mp3 = post("fake-stt-key", "json", "a.txt", KNOWN)) {
            assertThat(mp3.code()).isEqualTo(400);
            assertThat(JSON.readTree(mp3.body().string()).path("error").path("message").asString())
                    .startsWith("Invalid file format. Supported formats:");
        }
        try (Response big = post("fake-stt-key", "json", "a.wav", Wavs.tone(Duration.ofSeconds(10), 16000, 440))) {
            assertThat(big.code()).isEqualTo(413);
            assertThat(JSON.readTree(big.body().string()).path("error").path("message").asString())
                    .startsWith("Maximum content size limit (204800) exceeded");
        }
        try (Response format = post("fake-stt-key", "xml", "a.wav", KNOWN)) {
            assertThat(format.code()).isEqualTo(400);
            assertThat(JSON.readTree(format.body().string()).path("error").path("param").asString())
                    .isEqualTo("response_format");
        }
    }
}
