package app.avatarcall.avatar.speech;

import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.VendorHttp;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import okhttp3.Request;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Speech from OpenAI's {@code POST /v1/audio/speech} (or any server that keeps its contract): {@code model},
 * {@code input}, {@code voice}, {@code speed} and {@code response_format: "pcm"}, which OpenAI defines as raw 24 kHz
 * 16-bit little-endian mono, exactly what LiveAvatar takes. The answer is read as it streams in. A text longer than
 * the API's 4096 characters is said in several requests, cut between sentences, one after the other. A refusal
 * becomes an {@link AvatarUnavailableException} with OpenAI's own message; an answer in a container format (a server
 * that ignored {@code pcm}) is refused rather than sent on as noise.
 */
@Component
public class OpenAiSpeech implements SpeechSynthesizer {

    /** OpenAI's limit on {@code input}. */
    static final int MAX_INPUT = 4096;
    /** Answers that are certainly no raw PCM; anything else (audio/pcm, application/octet-stream, none) is taken. */
    private static final Set<String> CONTAINERS = Set.of("audio/mpeg", "audio/mp3", "audio/ogg", "audio/opus",
            "audio/aac", "audio/flac", "audio/wav", "audio/wave", "audio/x-wav", "audio/webm", "application/json",
            "text/html", "text/plain");

    /** How each expression should sound, for models that take instructions. */
    static final Map<Emotion, String> INSTRUCTIONS = Map.of(
            Emotion.NEUTRAL, "Speak in a friendly, natural tone, like on a video call.",
            Emotion.HAPPY, "Speak in a warm, cheerful, upbeat tone.",
            Emotion.SAD, "Speak gently and softly, with sympathy.",
            Emotion.SURPRISED, "Speak with lively surprise and curiosity.",
            Emotion.THINKING, "Speak calmly and thoughtfully, at an unhurried pace.");

    private final SpeechProperties properties;
    private final VendorHttp http;

    public OpenAiSpeech(SpeechProperties properties) {
        this.properties = properties;
        this.http = new VendorHttp("Speech synthesis (" + properties.baseUrl() + ")", properties.baseUrl(),
                properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public SpeechAudio synthesize(String text, Locale language, @Nullable String voice) {
        return start(text, language, voice, null);
    }

    /**
     * OpenAI's {@code gpt-4o*-tts} models take {@code instructions} on how to speak; {@code tts-1} and most local
     * servers do not, so they get none.
     */
    @Override
    public SpeechAudio synthesize(String text, Locale language, @Nullable String voice, Emotion tone) {
        return start(text, language, voice, properties.model().startsWith("gpt-4o") ? INSTRUCTIONS.get(tone) : null);
    }

    private SpeechAudio start(String text, Locale language, @Nullable String voice, @Nullable String instructions) {
        List<String> pieces = pieces(text.strip());
        if (pieces.isEmpty()) {
            throw new AvatarUnavailableException("nothing to say: the text is empty");
        }
        String chosen = voice == null || voice.isBlank() ? properties.voiceFor(language.getLanguage()) : voice;
        Audio audio = new Audio(pieces.iterator(), chosen, instructions);
        audio.next(); // the first request now, so that a refusal reaches the caller before any audio is expected
        return audio;
    }

    private VendorHttp.Streamed request(String input, String voice, @Nullable String instructions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", properties.model());
        body.put("input", input);
        body.put("voice", voice);
        if (instructions != null) {
            body.put("instructions", instructions);
        }
        body.put("response_format", "pcm");
        body.put("speed", properties.speed());
        Request.Builder request = http.post("audio/speech", body).header("Accept", "application/octet-stream");
        if (properties.apiKey() != null && !properties.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + properties.apiKey());
        }
        // Nothing has been said yet when a request fails, so a rate limit or a gateway error may be waited out.
        VendorHttp.Streamed answer = http.stream(request, true);
        String type = answer.contentType() == null ? "" : answer.contentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (CONTAINERS.contains(type)) {
            answer.close();
            throw new AvatarUnavailableException("speech synthesis answered " + type + ", not raw PCM: does the server at "
                    + properties.baseUrl() + " support response_format \"pcm\"?");
        }
        return answer;
    }

    /**
     * Cuts a text into pieces the API takes: at the last sentence end that fits, else at the last space, else
     * anywhere.
     */
    static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>();
        String rest = text;
        while (rest.length() > MAX_INPUT) {
            int cut = lastSentenceEnd(rest, MAX_INPUT);
            if (cut <= 0) {
                cut = rest.lastIndexOf(' ', MAX_INPUT);
            }
            if (cut <= 0) {
                cut = Character.isHighSurrogate(rest.charAt(MAX_INPUT - 1)) ? MAX_INPUT - 1 : MAX_INPUT;
            }
            String piece = rest.substring(0, cut).strip();
            if (!piece.isEmpty()) {
                pieces.add(piece);
            }
            rest = rest.substring(cut).strip();
        }
        if (!rest.isEmpty()) {
            pieces.add(rest);
        }
        return pieces;
    }

    private static int lastSentenceEnd(String text, int limit) {
        for (int i = limit - 1; i > 0; i--) {
            char c = text.charAt(i);
            if (c == '\n' || ((c == '.' || c == '!' || c == '?' || c == '…' || c == ';')
                    && (i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))))) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The audio of every piece in turn; the next request is made when the previous answer is over. */
    private final class Audio implements SpeechAudio {

        private final Iterator<String> pieces;
        private final String voice;
        private final @Nullable String instructions;
        private volatile VendorHttp.@Nullable Streamed current;
        private @Nullable InputStream body;
        private volatile boolean closed;

        Audio(Iterator<String> pieces, String voice, @Nullable String instructions) {
            this.pieces = pieces;
            this.voice = voice;
            this.instructions = instructions;
        }

        /** Opens the next piece; false when there is none. */
        boolean next() {
            if (closed || !pieces.hasNext()) {
                return false;
            }
            VendorHttp.Streamed answer = request(pieces.next(), voice, instructions);
            current = answer;
            body = answer.body();
            if (closed) { // closed while the request was on its way
                answer.close();
                return false;
            }
            return true;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            while (!closed) {
                InputStream in = body;
                if (in == null) {
                    return -1;
                }
                int read;
                try {
                    read = in.read(into, offset, length);
                } catch (IOException e) {
                    if (closed) {
                        return -1; // cancelled: the read was cut short on purpose
                    }
                    throw new AvatarUnavailableException("speech synthesis broke off: " + e.getMessage(), e);
                }
                if (read >= 0) {
                    return read;
                }
                VendorHttp.Streamed done = current;
                if (done != null) {
                    done.close();
                }
                body = null;
                if (!next()) {
                    return -1;
                }
            }
            return -1;
        }

        @Override
        public void close() {
            closed = true;
            VendorHttp.Streamed open = current;
            if (open != null) {
                try {
                    open.close();
                } catch (RuntimeException ignored) {
                    // already gone: nothing more to free
                }
            }
        }
    }
}
