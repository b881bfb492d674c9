package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.speech.SpeechAudio;
import app.avatarcall.avatar.speech.SpeechSynthesizer;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;

/**
 * What a LITE avatar says: each text is synthesized and its audio sent as it is made, one utterance after the other,
 * as {@code agent.speak} chunks under the utterance's event id (600 ms first, so that LiveAvatar can start, then one
 * second each, base64), then {@code agent.speak_end}. Chunks go out about as fast as they play, never more than a
 * second ahead, so that an interrupt finds little queued at LiveAvatar and captions follow the voice. An interrupt
 * sends {@code agent.interrupt}, cancels the synthesis and stops the send loop: after it, not one more chunk of what
 * was being said leaves.
 */
final class LiteVoice implements AutoCloseable {

    static final Duration FIRST_CHUNK = Duration.ofMillis(600);
    static final Duration NEXT_CHUNK = Duration.ofSeconds(1);
    /** How far the audio sent may run ahead of the time it takes to play. */
    static final Duration LEAD = Duration.ofSeconds(1);
    /** A guess at how long a character takes to say, for captions until the audio's real length is known. */
    private static final Duration PER_CHARACTER = Duration.ofMillis(70);

    /** What the session hears from its voice. Called on the voice's own thread. */
    interface Listener {

        /** Of the utterance's text, {@code spoken} has now been sent to the avatar. */
        void captioned(String utteranceId, String spoken);

        /** The utterance could not be said (wholly): its audio could not be made or sent. */
        void failed(String utteranceId, AvatarUnavailableException failure);
    }

    private final LiteSocket socket;
    private final SpeechSynthesizer speech;
    private final Locale language;
    private final Duration connectWait;
    private final Listener listener;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("liveavatar-lite-voice").factory());
    private final Base64.Encoder base64 = Base64.getEncoder();
    private final Object lock = new Object();
    private volatile Emotion tone = Emotion.NEUTRAL;
    /** Moves on at every interrupt: work of an older generation is abandoned. */
    private long generation;
    private @Nullable SpeechAudio current;

    LiteVoice(LiteSocket socket, SpeechSynthesizer speech, Locale language, Duration connectWait, Listener listener) {
        this.socket = socket;
        this.speech = speech;
        this.language = language;
        this.connectWait = connectWait;
        this.listener = listener;
    }

    /** The tone the next texts are said in (the reply's emotion). */
    void tone(Emotion emotion) {
        tone = emotion;
    }

    /** Queues {@code text} to be said after whatever is being said now, in the tone set when it was queued. */
    void say(String utteranceId, String text) {
        long queuedIn;
        synchronized (lock) {
            queuedIn = generation;
        }
        Emotion inTone = tone;
        try {
            worker.execute(() -> run(utteranceId, text, inTone, queuedIn));
        } catch (RejectedExecutionException closed) {
            // the session is over: nothing is said any more
        }
    }

    /** Stops saying anything: LiveAvatar drops its buffer, the send loop stops, the synthesis is cancelled. */
    void interrupt() {
        synchronized (lock) {
            generation++;
            cancelCurrent();
            socket.send(Map.of("type", "agent.interrupt"));
            lock.notifyAll(); // a send loop waiting for its turn wakes up and finds itself abandoned
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            generation++;
            cancelCurrent();
            lock.notifyAll();
        }
        worker.shutdownNow();
    }

    private void cancelCurrent() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    private boolean abandoned(long mine) {
        synchronized (lock) {
            return generation != mine;
        }
    }

    private void run(String utteranceId, String text, Emotion inTone, long mine) {
        if (abandoned(mine)) {
            return; // interrupted while it waited
        }
        try {
            say(utteranceId, text, inTone, mine);
        } catch (AvatarUnavailableException e) {
            if (!abandoned(mine)) {
                listener.failed(utteranceId, e);
            }
        }
    }

    private void say(String utteranceId, String text, Emotion inTone, long mine) {
        if (!socket.awaitConnected(connectWait)) {
            throw new AvatarUnavailableException("LiveAvatar's session WebSocket is not connected");
        }
        SpeechAudio audio = speech.synthesize(text, language, null, inTone);
        synchronized (lock) {
            if (generation != mine) {
                audio.close();
                return;
            }
            current = audio;
        }
        long sent = 0;
        try {
            byte[] chunk = new byte[SpeechSynthesizer.bytes(NEXT_CHUNK)];
            long firstSentAt = 0;
            boolean over = false;
            while (!over) {
                int wanted = SpeechSynthesizer.bytes(sent == 0 ? FIRST_CHUNK : NEXT_CHUNK);
                int filled = fill(audio, chunk, wanted);
                over = filled < wanted;
                filled &= ~1; // whole samples only
                if (filled == 0) {
                    continue;
                }
                if (sent > 0 && !waitForTurn(mine, firstSentAt, sent)) {
                    return;
                }
                synchronized (lock) {
                    if (generation != mine) {
                        return;
                    }
                    if (!socket.send(Map.of("type", "agent.speak", "event_id", utteranceId,
                            "audio", base64.encodeToString(java.util.Arrays.copyOf(chunk, filled))))) {
                        throw new AvatarUnavailableException("LiveAvatar's session WebSocket is closed");
                    }
                }
                if (sent == 0) {
                    firstSentAt = System.nanoTime();
                }
                sent += filled;
                listener.captioned(utteranceId, spokenPart(text, sent, over));
            }
            if (sent == 0) {
                throw new AvatarUnavailableException("speech synthesis made no audio for \"" + text + "\"");
            }
            synchronized (lock) {
                if (generation == mine) {
                    socket.send(Map.of("type", "agent.speak_end", "event_id", utteranceId));
                }
            }
        } catch (AvatarUnavailableException e) {
            if (sent > 0 && !abandoned(mine)) {
                // What was sent plays to its end; the avatar then goes back to idle instead of waiting for more.
                socket.send(Map.of("type", "agent.speak_end", "event_id", utteranceId));
            }
            throw e;
        } finally {
            audio.close();
            synchronized (lock) {
                if (current == audio) {
                    current = null;
                }
            }
        }
    }

    /** Reads until {@code wanted} bytes are there or the speech is over; returns how many were read. */
    private static int fill(SpeechAudio audio, byte[] into, int wanted) {
        int filled = 0;
        while (filled < wanted) {
            int read = audio.read(into, filled, wanted - filled);
            if (read < 0) {
                break;
            }
            filled += read;
        }
        return filled;
    }

    /**
     * Waits until the audio sent so far is at most {@link #LEAD} ahead of the time since the first chunk left;
     * false when the utterance was abandoned meanwhile.
     */
    private boolean waitForTurn(long mine, long firstSentAt, long sent) {
        long dueAt = firstSentAt + SpeechSynthesizer.duration(sent).minus(LEAD).toNanos();
        synchronized (lock) {
            while (generation == mine) {
                long wait = dueAt - System.nanoTime();
                if (wait <= 0) {
                    return true;
                }
                try {
                    lock.wait(Math.max(1, wait / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return false;
        }
    }

    /**
     * The part of {@code text} the audio sent so far says, to the last whole word: all of it once the audio is over,
     * else in proportion to the audio's length, guessed from the text until it is known.
     */
    static String spokenPart(String text, long sentBytes, boolean over) {
        if (over) {
            return text;
        }
        long guessed = SpeechSynthesizer.bytes(PER_CHARACTER) * (long) text.length();
        double share = Math.min(0.95, sentBytes / (double) Math.max(guessed, sentBytes + 1));
        int end = (int) (text.length() * share);
        while (end > 0 && end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        return text.substring(0, end).strip();
    }
}
