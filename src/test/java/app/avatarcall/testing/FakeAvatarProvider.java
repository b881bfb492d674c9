package app.avatarcall.testing;

import app.avatarcall.avatar.AvatarBusyException;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.AvatarUnavailableException;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An avatar provider that records everything asked of it, so tests can see what a call did to the avatar and
 * prove that every session it opened was closed. It can be told to refuse.
 */
public final class FakeAvatarProvider implements AvatarProvider {

    public final List<Session> opened = new CopyOnWriteArrayList<>();
    public volatile boolean refuse;
    public volatile boolean busy;
    public volatile String preview;
    /** Runs while a session is opening, before it is handed back: a slow vendor, and what happens meanwhile. */
    public volatile Runnable whileOpening = () -> { };

    @Override
    public String id() {
        return "fake";
    }

    @Override
    public AvatarSession open(AvatarSpec spec) {
        if (busy) {
            throw new AvatarBusyException("Concurrent limit reached");
        }
        if (refuse) {
            throw new AvatarUnavailableException("Concurrent limit reached");
        }
        Session session = new Session(spec);
        opened.add(session);
        whileOpening.run();
        return session;
    }

    @Override
    public java.util.Optional<String> previewImage(AvatarSpec spec) {
        return java.util.Optional.ofNullable(preview);
    }

    public Session last() {
        return opened.getLast();
    }

    public static final class Session implements AvatarSession {

        public final AvatarSpec spec;
        public final List<String> spoken = new CopyOnWriteArrayList<>();
        public final List<Emotion> emotions = new CopyOnWriteArrayList<>();
        /** What was asked of the avatar, in order: {@code speak:<text>}, {@code interrupt}. */
        public final List<String> log = new CopyOnWriteArrayList<>();
        /** Plays an avatar with a brain of its own (a LiveAvatar with a context). */
        public volatile boolean answersItself;
        /** When each utterance was handed over ({@link System#nanoTime()}), for benchmarks. */
        public final List<Long> spokenAt = new CopyOnWriteArrayList<>();
        public volatile int interrupts;
        public volatile int keepAlives;
        public volatile String closedBecause;
        private Consumer<AvatarEvent> listener = event -> { };

        Session(AvatarSpec spec) {
            this.spec = spec;
        }

        /** Plays the avatar: makes the session report an event as a real one would. */
        public void emit(AvatarEvent event) {
            listener.accept(event);
        }

        /** Says the last utterance to the end, as the stage would. */
        public void finishSpeaking() {
            String id = "u" + spoken.size();
            emit(new AvatarEvent.SpeakingStarted(id));
            emit(new AvatarEvent.SpeakingEnded(id, false));
        }

        @Override
        public String id() {
            return "fake-" + System.identityHashCode(this);
        }

        @Override
        public StageSetup stage() {
            return new StageSetup.DemoFace(spec.look(), spec.language().toLanguageTag());
        }

        @Override
        public boolean answersItself() {
            return answersItself;
        }

        @Override
        public void attach(StageChannel channel) {
        }

        @Override
        public void report(StageReport report) {
            report.asEvent().ifPresent(this::emit);
        }

        @Override
        public void onEvent(Consumer<AvatarEvent> listener) {
            this.listener = listener;
        }

        @Override
        public synchronized String speak(String text, SpeechMode mode) {
            spokenAt.add(System.nanoTime());
            spoken.add(text);
            log.add("speak:" + text);
            return "u" + spoken.size();
        }

        @Override
        public synchronized void interrupt() {
            log.add("interrupt");
            interrupts++;
        }

        @Override
        public void showEmotion(Emotion emotion) {
            emotions.add(emotion);
        }

        @Override
        public void keepAlive() {
            keepAlives++;
        }

        @Override
        public void close(String reason) {
            if (closedBecause == null) {
                closedBecause = reason;
            }
        }

        @Override
        public boolean isClosed() {
            return closedBecause != null;
        }
    }
}
