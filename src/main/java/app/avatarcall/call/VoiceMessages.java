package app.avatarcall.call;

import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.voice.Transcriber;
import app.avatarcall.voice.TranscriptionFailed;
import app.avatarcall.voice.Utterance;
import app.avatarcall.voice.VoiceProperties;
import app.avatarcall.voice.WavAudio;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What the person says by voice becomes a message like a typed one: the page's recording is checked (its call,
 * the call's secret, its size, format and length), transcribed, and handed to {@link CallService#send}. The
 * audio is held in memory for this one request only: never written anywhere, never logged, and neither is the
 * transcript.
 */
@Service
public class VoiceMessages {

    private static final Logger log = LoggerFactory.getLogger(VoiceMessages.class);
    /** A recorder's last frame may run a little past the limit it was told. */
    private static final Duration SLACK = Duration.ofMillis(500);

    private final CallService calls;
    private final ObjectProvider<Transcriber> transcriber;
    private final VoiceProperties limits;
    private final MessageSource messages;

    VoiceMessages(CallService calls, ObjectProvider<Transcriber> transcriber, VoiceProperties limits,
                  MessageSource messages) {
        this.calls = calls;
        this.transcriber = transcriber;
        this.limits = limits;
        this.messages = messages;
    }

    /** How the page should hear the person: a server transcriber first, else the avatar's room, else the browser. */
    public VoiceRoute routeFor(Call call) {
        if (transcriber.getIfAvailable() != null) {
            return new VoiceRoute(VoiceRoute.Kind.SERVER,
                    "voice/calls/" + call.id() + "/utterances?token=" + call.hangUpToken(), limits.maxUtterance());
        }
        boolean providerListens = call.session().map(AvatarSession::listensToPerson).orElse(false);
        return new VoiceRoute(providerListens ? VoiceRoute.Kind.PROVIDER : VoiceRoute.Kind.BROWSER, "",
                limits.maxUtterance());
    }

    /** What became of one uploaded utterance. */
    sealed interface Heard {
        /** It was transcribed and sent as the person's message. */
        record Sent(String text) implements Heard {
        }

        /** It was not; {@code status} is the HTTP status, {@code message} is for the person, in the call's language. */
        record Refused(int status, String error, String message) implements Heard {
        }
    }

    Heard hear(UUID callId, String token, InputStream body) throws IOException {
        Call call = calls.find(callId).filter(found -> found.hangUpToken().equals(token)).orElse(null);
        if (call == null) {
            return new Heard.Refused(404, "unknown-call", "No such call.");
        }
        try (CallMdc.Scope scope = CallMdc.enter(call)) { // the upload's log lines name its call
            return hear(call, body);
        }
    }

    private Heard hear(Call call, InputStream body) throws IOException {
        Transcriber stt = transcriber.getIfAvailable();
        if (stt == null) {
            return refused(call, 404, "voice.unavailable");
        }
        if (call.state() != CallState.ACTIVE) {
            return refused(call, 409, "chat.not-in-call");
        }
        long max = limits.maxUpload().toBytes();
        byte[] wav = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 1, max) + 1);
        if (wav.length > max) {
            return refused(call, 413, "voice.too-long", limits.maxUtterance().toSeconds());
        }
        WavAudio audio;
        try {
            audio = WavAudio.read(wav);
        } catch (IllegalArgumentException e) {
            log.info("call {}: an utterance was not readable audio ({})", call.id(), e.getMessage());
            return refused(call, 400, "voice.bad-audio");
        }
        if (audio.duration().compareTo(limits.maxUtterance().plus(SLACK)) > 0) {
            return refused(call, 413, "voice.too-long", limits.maxUtterance().toSeconds());
        }
        return transcribe(call, stt, new Utterance(wav, call.locale()), audio.duration());
    }

    private Heard transcribe(Call call, Transcriber stt, Utterance utterance, Duration length) {
        String text;
        long started = System.nanoTime();
        try {
            text = stt.transcribe(utterance);
        } catch (TranscriptionFailed e) {
            log.warn("call {}: transcription of {} ms of speech failed ({}): {}", call.id(), length.toMillis(),
                    e.reason(), e.getMessage());
            return switch (e.reason()) {
                case REJECTED -> refused(call, 422, "voice.bad-audio");
                case TOO_LARGE -> refused(call, 413, "voice.too-long", limits.maxUtterance().toSeconds());
                case BUSY -> refused(call, 503, "voice.busy");
                case UNAVAILABLE -> refused(call, 502, "voice.failed");
            };
        } catch (RuntimeException e) {
            log.error("call {}: the transcriber failed", call.id(), e);
            return refused(call, 502, "voice.failed");
        }
        log.info("call {}: {} ms of speech transcribed in {} ms", call.id(), length.toMillis(),
                (System.nanoTime() - started) / 1_000_000);
        return switch (calls.send(call, text, true)) {
            case SendResult.Sent sent -> new Heard.Sent(text.strip());
            case SendResult.Empty empty -> refused(call, 422, "voice.nothing-heard");
            case SendResult.TooLong tooLong -> refused(call, 422, "chat.too-long", tooLong.length(), tooLong.max());
            case SendResult.NotInCall notInCall -> refused(call, 409, "chat.not-in-call");
        };
    }

    private Heard.Refused refused(Call call, int status, String key, @Nullable Object... args) {
        return new Heard.Refused(status, key.substring(key.indexOf('.') + 1), message(call.locale(), key, args));
    }

    private String message(Locale locale, String key, @Nullable Object... args) {
        Object[] texts = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            texts[i] = String.valueOf(args[i]); // as the views do: no locale grouping in numbers
        }
        return messages.getMessage(key, texts, key, locale);
    }
}
