package app.avatarcall.call;

import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.Apology;
import app.avatarcall.conversation.Languages;
import app.avatarcall.conversation.ReplyListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One Talk reply of the avatar, from the question to the last sentence: every sentence goes to the avatar the moment
 * the responder has written it, and into the reply's one chat line as the avatar says it. Once cancelled (the person
 * spoke again, or the call ended) nothing more of it is said or shown: the lock makes "cancelled" and "handed to the
 * avatar" exclusive, so a sentence is either handed over before the barge-in's interrupt or never.
 */
final class Turn implements ReplyListener {

    private final Call call;
    private final AvatarSession session;
    private final String question;
    private final String lineId;
    private final List<String> said = new ArrayList<>();
    private @Nullable Answering answering;
    private boolean over;
    /** When the question went to the responder, for how long it took to write its first sentence. */
    private final long askedAt = System.nanoTime();

    Turn(Call call, AvatarSession session, String question, String lineId) {
        this.call = call;
        this.session = session;
        this.question = question;
        this.lineId = lineId;
    }

    String lineId() {
        return lineId;
    }

    /** The responder is writing; {@code answering} stops it. */
    synchronized void writing(Answering running) {
        answering = running;
    }

    @Override
    public synchronized void emotion(Emotion emotion) {
        if (over) {
            return;
        }
        session.showEmotion(emotion);
        call.lines().feel(lineId, emotion).ifPresent(line -> call.publish(new CallEvent.MessageShown(line)));
    }

    @Override
    public synchronized void sentence(String sentence) {
        if (!over) {
            if (said.isEmpty()) {
                call.tally().replyWritten(Duration.ofNanos(System.nanoTime() - askedAt));
            }
            speak(sentence);
        }
    }

    @Override
    public synchronized void finished() {
        if (over) {
            return;
        }
        if (said.isEmpty()) {
            speak(Apology.of(Languages.of(question, call.locale()), false)); // a reply of nothing says sorry
        }
        over = true;
        call.memory().remember(question, String.join(" ", said));
        call.turnOver(this);
        call.lines().written(lineId).ifPresent(line -> call.publish(new CallEvent.MessageShown(line)));
    }

    /** Stops the reply: the responder stops writing and nothing more is said. Returns false if it was over already. */
    synchronized boolean cancel() {
        if (over) {
            return false;
        }
        over = true;
        if (answering != null) {
            answering.cancel();
        }
        call.memory().remember(question, said.isEmpty() ? "…" : String.join(" ", said) + " …");
        return true;
    }

    /** The responder broke down without a word of apology: say one, so the call goes on. */
    synchronized void failed() {
        if (!over) {
            speak(Apology.of(Languages.of(question, call.locale()), !said.isEmpty()));
            finished();
        }
    }

    private void speak(String sentence) {
        String utteranceId = session.speak(sentence, SpeechMode.REPEAT);
        call.lines().add(lineId, utteranceId, sentence);
        said.add(sentence);
    }
}
