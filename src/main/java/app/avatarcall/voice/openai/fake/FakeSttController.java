package app.avatarcall.voice.openai.fake;

import app.avatarcall.voice.WavAudio;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/** OpenAI's {@code /v1/audio/transcriptions}, in-process. The audio is read in memory and forgotten. */
@RestController
@Profile("fake-stt")
class FakeSttController {

    private static final List<String> FORMATS = List.of("flac", "m4a", "mp3", "mp4", "mpeg", "mpga", "oga", "ogg",
            "wav", "webm");
    private static final Map<String, String> LANGUAGES = Map.of("en", "english", "ru", "russian", "de", "german",
            "fr", "french", "es", "spanish");
    /** Root-mean-square level under which a recording counts as silence. */
    private static final double SILENCE = 0.003;

    private final FakeSttProperties properties;
    private final Clock clock;
    private long window;
    private int used;

    FakeSttController(FakeSttProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(path = "/fake-stt/v1/audio/transcriptions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> transcribe(@RequestHeader(name = "Authorization", required = false) @Nullable String auth,
                                 @RequestParam(required = false) @Nullable MultipartFile file,
                                 @RequestParam(required = false) @Nullable String model,
                                 @RequestParam(required = false) @Nullable String language,
                                 @RequestParam(name = "response_format", defaultValue = "json") String format)
            throws IOException {
        if (auth == null || !auth.equals("Bearer " + properties.apiKey())) {
            return error(HttpStatus.UNAUTHORIZED, "Incorrect API key provided. You can find your API key at "
                    + "https://platform.openai.com/account/api-keys.", "invalid_request_error", null, "invalid_api_key");
        }
        ResponseEntity<?> limited = rateLimited(model == null ? "whisper-1" : model);
        if (limited != null) {
            return limited;
        }
        if (model == null || model.isBlank()) {
            return invalid("you must provide a model parameter", "model", null);
        }
        if (!properties.models().contains(model)) {
            return invalid("The model `" + model + "` does not exist or you do not have access to it.", "model",
                    "model_not_found");
        }
        if (file == null || file.isEmpty()) {
            return invalid("Missing required parameter: 'file'.", "file", null);
        }
        if (file.getSize() > properties.maxFileSize().toBytes()) {
            return tooLarge(file.getSize());
        }
        if (language != null && !language.matches("[a-z]{2}")) {
            return invalid("Invalid language '" + language + "'. Language parameter must be specified in ISO-639-1 "
                    + "format.", "language", "invalid_language_format");
        }
        String extension = extension(file.getOriginalFilename());
        if (!FORMATS.contains(extension)) {
            return invalid("Invalid file format. Supported formats: " + FORMATS, "file", "invalid_value");
        }
        if (!extension.equals("wav")) {
            return invalid("This fake reads WAV files only.", "file", "invalid_value");
        }
        byte[] wav = file.getBytes();
        WavAudio audio;
        try {
            audio = WavAudio.read(wav);
        } catch (IllegalArgumentException e) {
            return invalid("Invalid file format. The audio could not be decoded: " + e.getMessage(), "file",
                    "invalid_value");
        }
        Duration duration = audio.duration();
        if (duration.compareTo(Duration.ofMillis(100)) < 0) {
            return invalid("Audio file is too short. Minimum audio length is 0.1 seconds.", "file", "audio_too_short");
        }
        String text = properties.known().getOrDefault(sha256(wav),
                audio.loudness(wav) < SILENCE ? "" : properties.heard());
        return answer(format, text, duration, language);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<?> tooLarge(MaxUploadSizeExceededException e) {
        return tooLarge(-1);
    }

    private ResponseEntity<?> answer(String format, String text, Duration duration, @Nullable String language) {
        double seconds = duration.toMillis() / 1000.0;
        return switch (format) {
            case "json" -> ResponseEntity.ok(Map.of("text", text,
                    "usage", Map.of("type", "duration", "seconds", (int) Math.ceil(seconds))));
            case "text" -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
            case "verbose_json" -> ResponseEntity.ok(verbose(text, seconds, language));
            case "srt" -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                    .body("1\n00:00:00,000 --> " + timestamp(seconds, ',') + "\n" + text + "\n\n");
            case "vtt" -> ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                    .body("WEBVTT\n\n00:00:00.000 --> " + timestamp(seconds, '.') + "\n" + text + "\n\n");
            default -> invalid("'" + format + "' is not one of ['json', 'text', 'srt', 'verbose_json', 'vtt'] - "
                    + "'response_format'", "response_format", null);
        };
    }

    private static Map<String, Object> verbose(String text, double seconds, @Nullable String language) {
        Map<String, Object> segment = new LinkedHashMap<>();
        segment.put("id", 0);
        segment.put("seek", 0);
        segment.put("start", 0.0);
        segment.put("end", seconds);
        segment.put("text", text);
        segment.put("tokens", List.of());
        segment.put("temperature", 0.0);
        segment.put("avg_logprob", -0.2);
        segment.put("compression_ratio", 1.0);
        segment.put("no_speech_prob", text.isEmpty() ? 0.9 : 0.01);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("task", "transcribe");
        body.put("language", LANGUAGES.getOrDefault(language == null ? "en" : language, "english"));
        body.put("duration", seconds);
        body.put("text", text);
        body.put("segments", text.isEmpty() ? List.of() : List.of(segment));
        return body;
    }

    private static String timestamp(double seconds, char separator) {
        long millis = Math.round(seconds * 1000);
        return String.format(Locale.ROOT, "%02d:%02d:%02d%c%03d", millis / 3_600_000, millis / 60_000 % 60,
                millis / 1000 % 60, separator, millis % 1000);
    }

    /** OpenAI limits requests per minute per model and says so with 429 and its error shape. */
    private synchronized @Nullable ResponseEntity<?> rateLimited(String model) {
        int limit = properties.requestsPerMinute();
        if (limit <= 0) {
            return null;
        }
        long minute = clock.millis() / 60_000;
        if (minute != window) {
            window = minute;
            used = 0;
        }
        if (++used <= limit) {
            return null;
        }
        long wait = 60 - clock.millis() / 1000 % 60;
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", String.valueOf(wait))
                .body(body("Rate limit reached for " + model + " in organization org-fake on requests per min (RPM): "
                        + "Limit " + limit + ", Used " + limit + ", Requested 1. Please try again in " + wait + "s.",
                        "requests", null, "rate_limit_exceeded"));
    }

    private ResponseEntity<?> tooLarge(long size) {
        long max = properties.maxFileSize().toBytes();
        return error(HttpStatus.PAYLOAD_TOO_LARGE, "Maximum content size limit (" + max + ") exceeded"
                + (size < 0 ? "." : " (" + size + " bytes read)."), "invalid_request_error", "file", null);
    }

    private static ResponseEntity<?> invalid(String message, @Nullable String param, @Nullable String code) {
        return error(HttpStatus.BAD_REQUEST, message, "invalid_request_error", param, code);
    }

    private static ResponseEntity<?> error(HttpStatus status, String message, String type, @Nullable String param,
                                           @Nullable String code) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(body(message, type, param, code));
    }

    private static Map<String, Object> body(String message, String type, @Nullable String param, @Nullable String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        return Map.of("error", error);
    }

    private static String extension(@Nullable String name) {
        if (name == null || name.lastIndexOf('.') < 0) {
            return "";
        }
        return name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
