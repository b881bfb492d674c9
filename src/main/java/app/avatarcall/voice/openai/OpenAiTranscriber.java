package app.avatarcall.voice.openai;

import app.avatarcall.voice.Transcriber;
import app.avatarcall.voice.TranscriptionFailed;
import app.avatarcall.voice.TranscriptionFailed.Reason;
import app.avatarcall.voice.Utterance;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST {STT_BASE_URL}/audio/transcriptions} as OpenAI defines it: a multipart form with {@code file},
 * {@code model}, {@code language} (ISO-639-1) and {@code response_format=json}; the answer is {@code {"text": …}}
 * and errors are {@code {"error": {"message", "type", "code"}}}. The audio goes out in the request body and is
 * dropped with it; only sizes and outcomes are logged.
 */
@Component
@ConditionalOnExpression("!'${stt.base-url:}'.isBlank()") // an empty STT_BASE_URL is no server either
class OpenAiTranscriber implements Transcriber {

    private static final Logger log = LoggerFactory.getLogger(OpenAiTranscriber.class);
    private static final MediaType WAV = MediaType.get("audio/wav");

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final @Nullable String apiKey;
    private final String model;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenAiTranscriber(SttProperties properties) {
        HttpUrl base = HttpUrl.get(Objects.requireNonNull(properties.baseUrl(), "stt.base-url").toString());
        this.endpoint = base.newBuilder().addPathSegments("audio/transcriptions").build();
        this.apiKey = properties.apiKey() == null || properties.apiKey().isBlank() ? null : properties.apiKey();
        this.model = properties.model();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .callTimeout(properties.timeout())
                .readTimeout(properties.timeout())
                .build();
    }

    @Override
    public String transcribe(Utterance utterance) {
        RequestBody form = new MultipartBody.Builder().setType(MultipartBody.FORM)
                .addFormDataPart("file", "utterance.wav", RequestBody.create(utterance.wav(), WAV))
                .addFormDataPart("model", model)
                .addFormDataPart("language", utterance.language().getLanguage())
                .addFormDataPart("response_format", "json")
                .build();
        Request.Builder request = new Request.Builder().url(endpoint).post(form);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        long started = System.nanoTime();
        try (Response response = http.newCall(request.build()).execute()) {
            String body = response.body().string();
            if (!response.isSuccessful()) {
                throw failure(response.code(), body);
            }
            String text = json.readTree(body).path("text").asString("").strip();
            log.debug("transcribed {} bytes into {} characters in {} ms", utterance.wav().length, text.length(),
                    (System.nanoTime() - started) / 1_000_000);
            return text;
        } catch (IOException e) {
            throw new TranscriptionFailed(Reason.UNAVAILABLE, "transcription server unreachable: " + e.getMessage(), e);
        } catch (tools.jackson.core.JacksonException e) {
            throw new TranscriptionFailed(Reason.UNAVAILABLE, "transcription server answered something that is not JSON", e);
        }
    }

    private TranscriptionFailed failure(int status, String body) {
        String message = errorMessage(body);
        Reason reason = switch (status) {
            case 400, 415, 422 -> Reason.REJECTED;
            case 413 -> Reason.TOO_LARGE;
            case 429 -> Reason.BUSY;
            default -> Reason.UNAVAILABLE;
        };
        if (status == 401 || status == 403 || status == 404) {
            log.error("the transcription server refused us ({}): {}; check STT_BASE_URL, STT_API_KEY and STT_MODEL",
                    status, message);
        } else {
            log.warn("the transcription server answered {}: {}", status, message);
        }
        return new TranscriptionFailed(reason, "transcription server answered " + status + ": " + message);
    }

    /** The {@code error.message} of OpenAI's error shape, or the start of whatever else came back. */
    private String errorMessage(String body) {
        try {
            JsonNode error = json.readTree(body).path("error");
            if (error.path("message").isString()) {
                return error.path("message").asString();
            }
            if (error.isString()) {
                return error.asString();
            }
        } catch (tools.jackson.core.JacksonException notJson) {
            // a proxy's HTML page, a plain-text error
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
