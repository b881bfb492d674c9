package app.avatarcall.avatar.demo;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageChannel;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageLink;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A demo face in one page. The page does the drawing and the speaking; this session only relays commands to it and
 * turns its reports into events. Commands sent before the page attaches wait for it.
 */
final class DemoAvatarSession implements AvatarSession {

    private final String id = "demo-" + UUID.randomUUID();
    private final AvatarSpec spec;
    private final AtomicLong utterances = new AtomicLong();
    private final StageLink link = new StageLink();
    private Consumer<AvatarEvent> listener = event -> { };

    DemoAvatarSession(AvatarSpec spec) {
        this.spec = spec;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StageSetup stage() {
        return new StageSetup.DemoFace(spec.look(), spec.language().toLanguageTag());
    }

    @Override
    public boolean answersItself() {
        return false;
    }

    @Override
    public void attach(StageChannel channel) {
        link.attach(channel);
    }

    @Override
    public void report(StageReport report) {
        if (!isClosed()) {
            report.asEvent().ifPresent(listener);
        }
    }

    @Override
    public void onEvent(Consumer<AvatarEvent> listener) {
        this.listener = listener;
    }

    @Override
    public String speak(String text, SpeechMode mode) {
        if (mode == SpeechMode.TALK) {
            throw new UnsupportedOperationException("the demo avatar only repeats; answer it with a responder");
        }
        String utteranceId = "u" + utterances.incrementAndGet();
        send(new StageCommand.Speak(utteranceId, text, spec.language().toLanguageTag()));
        return utteranceId;
    }

    @Override
    public void interrupt() {
        send(new StageCommand.Interrupt());
    }

    @Override
    public void showEmotion(Emotion emotion) {
        send(new StageCommand.ShowEmotion(emotion));
    }

    @Override
    public void keepAlive() {
        // Nothing runs remotely, so nothing can time out.
    }

    @Override
    public void close(String reason) {
        link.close();
    }

    @Override
    public boolean isClosed() {
        return link.isClosed();
    }

    private void send(StageCommand command) {
        link.send(command);
    }
}
