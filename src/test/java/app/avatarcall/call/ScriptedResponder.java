package app.avatarcall.call;

import app.avatarcall.avatar.Emotion;
import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.Question;
import app.avatarcall.conversation.ReplyListener;
import app.avatarcall.conversation.Responder;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A language model a test plays by hand: every question gets a {@link Reply} the test writes into, sentence by
 * sentence, whenever it likes (also after the reply was cancelled, as a racing stream thread would).
 */
final class ScriptedResponder implements Responder {

    final List<Reply> replies = new CopyOnWriteArrayList<>();
    volatile boolean everyAvatar;
    volatile RuntimeException failure;

    static final class Reply implements Answering {
        final Question question;
        final ReplyListener listener;
        volatile boolean cancelled;

        Reply(Question question, ReplyListener listener) {
            this.question = question;
            this.listener = listener;
        }

        Reply feel(Emotion emotion) {
            listener.emotion(emotion);
            return this;
        }

        Reply say(String... sentences) {
            for (String sentence : sentences) {
                listener.sentence(sentence);
            }
            return this;
        }

        void finish() {
            listener.finished();
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    @Override
    public Answering answer(Question question, ReplyListener listener) {
        if (failure != null) {
            throw failure;
        }
        Reply reply = new Reply(question, listener);
        replies.add(reply);
        return reply;
    }

    @Override
    public boolean answersForEveryAvatar() {
        return everyAvatar;
    }

    Reply last() {
        return replies.getLast();
    }
}
