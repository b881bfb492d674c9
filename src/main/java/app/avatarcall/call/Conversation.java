package app.avatarcall.call;

import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.Question;
import app.avatarcall.conversation.Responder;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The talking side of a call: the person's lines, the avatar's answers (Repeat, or Talk through the responder,
 * sentence by sentence), barge-in, and the captions that make the avatar's chat lines grow as it speaks.
 */
@Component
class Conversation {

    private static final Logger log = LoggerFactory.getLogger(Conversation.class);

    private final Responder responder;

    Conversation(Responder responder) {
        this.responder = responder;
    }

    /** The call went live: the avatar says hello. */
    void greet(Call call, AvatarSession session) {
        String greeting = call.greeting(); // by the person's first name when Telegram told us it
        say(call, session, greeting);
        call.memory().remember("", greeting);
    }

    /** The person said something (already checked): show it, stop the avatar if it speaks, and answer. */
    void deliver(Call call, String text) {
        call.countPersonMessage();
        call.publish(new CallEvent.MessageShown(
                new ChatMessage(UUID.randomUUID().toString(), ChatMessage.Author.PERSON, text, true)));
        call.session().ifPresent(session -> {
            bargeIn(call, session);
            if (call.mode() == ChatMode.REPEAT) {
                say(call, session, text);
            } else if (session.answersItself() && !responder.answersForEveryAvatar()) {
                String utteranceId = session.speak(text, SpeechMode.TALK);
                call.publish(new CallEvent.MessageShown(call.lines().say(utteranceId, "")));
            } else {
                answer(call, session, text);
            }
        });
    }

    /** The avatar's caption of an utterance grew. */
    void captioned(Call call, String utteranceId, String spoken) {
        call.lines().caption(utteranceId, spoken).ifPresent(line -> call.publish(new CallEvent.MessageShown(line)));
    }

    /** The avatar stopped saying an utterance, to its end or interrupted. */
    void spoken(Call call, String utteranceId, boolean interrupted) {
        call.lines().ended(utteranceId, interrupted).ifPresent(line -> call.publish(new CallEvent.MessageShown(line)));
    }

    /** The call is over: a reply still being written stops (and its connection to the model closes). */
    void stop(Call call) {
        Turn running = call.swapTurn(null);
        if (running != null) {
            running.cancel();
        }
    }

    /**
     * The person spoke while the avatar was answering: the reply being written stops first (so no sentence of it can
     * reach the avatar after this), then the avatar stops, and its lines end where it was cut off.
     */
    private void bargeIn(Call call, AvatarSession session) {
        boolean busy = call.isSpeaking();
        stop(call);
        if (busy) {
            session.interrupt();
            call.lines().cutAll().forEach(line -> call.publish(new CallEvent.MessageShown(line)));
        }
    }

    private void answer(Call call, AvatarSession session, String text) {
        Turn turn = new Turn(call, session, text, "reply-" + UUID.randomUUID());
        call.publish(new CallEvent.MessageShown(call.lines().open(turn.lineId())));
        call.swapTurn(turn);
        try {
            turn.writing(responder.answer(new Question(text, call.locale(), call.persona(), call.memory(),
                    call.avatar().id()), turn));
        } catch (RuntimeException e) {
            log.error("call {}: the responder failed", call.id(), e);
            call.tally().error();
            turn.failed();
        }
    }

    private static void say(Call call, AvatarSession session, String text) {
        String utteranceId = session.speak(text, SpeechMode.REPEAT);
        call.publish(new CallEvent.MessageShown(call.lines().say(utteranceId, text)));
    }
}
