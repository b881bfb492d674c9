package app.avatarcall.avatar.speech.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * OpenAI's {@code POST /v1/audio/speech}, in-process: the same fields and limits (input of 1 to 4096 characters, the
 * built-in voices, speed 0.25 to 4, the known models), the same {@code {"error": {message, type, param, code}}}
 * answers with 400, 401, 404 and 429, and audio streamed word by word as it is made.
 */
@RestController
@Profile("fake-tts")
@RequestMapping("/fake-tts/v1")
class FakeSpeechController {

    static final int MAX_INPUT = 4096;
    private static final Set<String> MODELS = Set.of("tts-1", "tts-1-hd", "gpt-4o-mini-tts",
            "gpt-4o-mini-tts-2025-12-15");
    private static final Set<String> VOICES = Set.of("alloy", "ash", "ballad", "coral", "echo", "fable", "onyx",
            "nova", "sage", "shimmer", "verse", "marin", "cedar");
    private static final Set<String> FORMATS = Set.of("mp3", "opus", "aac", "flac", "wav", "pcm");

    private final FakeSpeechProperties properties;
    private final Clock clock;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    FakeSpeechController(FakeSpeechProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping("/audio/speech")
    ResponseEntity<StreamingResponseBody> speech(@RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
                             @RequestBody(required = false) @Nullable Map<String, Object> body) {
        String key = authorization != null && authorization.startsWith("Bearer ")
                ? authorization.substring("Bearer ".length()).strip() : null;
        if (key == null || key.isEmpty()) {
            throw error(HttpStatus.UNAUTHORIZED, "You didn't provide an API key. You need to provide your API key in an"
                    + " Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                    "invalid_request_error", null, null);
        }
        if (key.equals(properties.exhaustedApiKey())) {
            throw error(HttpStatus.TOO_MANY_REQUESTS, "You exceeded your current quota, please check your plan and"
                    + " billing details.", "insufficient_quota", null, "insufficient_quota");
        }
        if (!key.equals(properties.apiKey())) {
            throw error(HttpStatus.UNAUTHORIZED, "Incorrect API key provided: " + masked(key) + ".",
                    "invalid_request_error", null, "invalid_api_key");
        }
        Map<String, Object> request = body == null ? Map.of() : body;
        validate(request);
        rateLimit(key, String.valueOf(request.get("model")));
        String input = (String) request.get("input");
        double speed = request.get("speed") instanceof Number n ? n.doubleValue() : 1.0;
        boolean wav = "wav".equals(request.get("response_format"));
        StreamingResponseBody audio = out -> stream(input, speed, wav, out);
        return ResponseEntity.ok()
                .contentType(wav ? MediaType.parseMediaType("audio/wav") : MediaType.parseMediaType("audio/pcm"))
                .body(audio);
    }

    /** OpenAI's answer to a request it refuses. */
    @ExceptionHandler(Refused.class)
    ResponseEntity<Map<String, Object>> refused(Refused refused) {
        return refused.answer;
    }

    private void validate(Map<String, Object> request) {
        if (!(request.get("model") instanceof String model) || model.isBlank()) {
            throw invalid("you must provide a model parameter", "model", null);
        }
        if (!MODELS.contains(model)) {
            throw error(HttpStatus.NOT_FOUND, "The model `" + model + "` does not exist or you do not have access to it.",
                    "invalid_request_error", null, "model_not_found");
        }
        if (!(request.get("input") instanceof String input) || input.isEmpty()) {
            throw invalid("Input should have at least 1 character.", "input", "string_too_short");
        }
        if (input.length() > MAX_INPUT) {
            throw invalid("Input is too long: " + input.length() + " characters, the maximum is " + MAX_INPUT + ".",
                    "input", "string_above_max_length");
        }
        if (!(request.get("voice") instanceof String voice) || !VOICES.contains(voice)) {
            throw invalid("Invalid value for 'voice': " + request.get("voice") + ". Supported values are: "
                    + String.join(", ", VOICES.stream().sorted().toList()) + ".", "voice", "invalid_value");
        }
        Object format = request.getOrDefault("response_format", "mp3");
        if (!FORMATS.contains(String.valueOf(format))) {
            throw invalid("Invalid value for 'response_format': " + format + ". Supported values are: aac, flac, mp3,"
                    + " opus, pcm, wav.", "response_format", "invalid_value");
        }
        if (!"pcm".equals(format) && !"wav".equals(format)) {
            throw invalid("This stand-in makes pcm and wav only; " + format + " needs the real service.",
                    "response_format", "unsupported_value");
        }
        Object speed = request.getOrDefault("speed", 1.0);
        if (!(speed instanceof Number n) || n.doubleValue() < 0.25 || n.doubleValue() > 4.0) {
            throw invalid("Invalid value for 'speed': " + speed + ". It must be between 0.25 and 4.0.", "speed",
                    "invalid_value");
        }
    }

    private void stream(String input, double speed, boolean wav, OutputStream out) throws IOException {
        pause(properties.firstAudioLatency());
        if (wav) {
            out.write(wavHeader());
        }
        FormantVoice voice = new FormantVoice(speed, input.hashCode());
        int done = 0;
        for (String word : input.split("(?<=\\s)")) {
            out.write(voice.say(word, done / (double) input.length()));
            out.flush(); // each word leaves as soon as it is made, as a streaming synthesizer's audio does
            done += word.length();
        }
    }

    /** A streaming WAV header: sizes unknown, as OpenAI sends them. */
    private static byte[] wavHeader() {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes()).putInt(-1).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(FormantVoice.RATE).putInt(FormantVoice.RATE * 2)
                .putShort((short) 2).putShort((short) 16).put("data".getBytes()).putInt(-1);
        return header.array();
    }

    /** OpenAI limits requests per key; this stand-in counts them in one-second windows of the app's clock. */
    private void rateLimit(String key, String model) {
        if (properties.requestsPerSecond() <= 0) {
            return;
        }
        long second = clock.millis() / 1000;
        long used;
        synchronized (windows) {
            long[] window = windows.computeIfAbsent(key, k -> new long[] {second, 0});
            if (window[0] != second) {
                window[0] = second;
                window[1] = 0;
            }
            used = ++window[1];
        }
        if (used <= properties.requestsPerSecond()) {
            return;
        }
        int limit = properties.requestsPerSecond();
        Map<String, Object> error = errorBody("Rate limit reached for " + model + " on requests per second: Limit "
                + limit + ", Used " + limit + ", Requested 1. Please try again in 1s.", "requests", null,
                "rate_limit_exceeded");
        throw new Refused(ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("x-ratelimit-limit-requests", String.valueOf(limit))
                .header("x-ratelimit-remaining-requests", "0")
                .header("x-ratelimit-reset-requests", "1s")
                .contentType(MediaType.APPLICATION_JSON)
                .body(error));
    }

    private static Refused invalid(String message, String param, @Nullable String code) {
        return error(HttpStatus.BAD_REQUEST, message, "invalid_request_error", param, code);
    }

    private static Refused error(HttpStatus status, String message, String type, @Nullable String param,
                                 @Nullable String code) {
        return new Refused(ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(errorBody(message, type, param, code)));
    }

    /** A refusal on its way out, as OpenAI words it. */
    static final class Refused extends RuntimeException {

        final ResponseEntity<Map<String, Object>> answer;

        Refused(ResponseEntity<Map<String, Object>> answer) {
            super(null, null, false, false);
            this.answer = answer;
        }
    }

    private static Map<String, Object> errorBody(String message, String type, @Nullable String param,
                                                 @Nullable String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    private static String masked(String key) {
        return key.length() <= 8 ? "****" : key.substring(0, 4) + "*".repeat(key.length() - 8)
                + key.substring(key.length() - 4);
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
