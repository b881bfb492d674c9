package app.avatarcall.call;

import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Reply;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The talking side of a call: the person's lines, the avatar's answers (Repeat or Talk), barge-in, and the captions
 * that make the avatar's chat lines grow as it speaks.
 */
@Component
class Conversation {

    private final KnowledgeBaseResponder responder;

    Conversation(KnowledgeBaseResponder responder) {
        this.responder = responder;
    }

    /** The call went live: the avatar says hello. */
    void greet(Call call, AvatarSession session) {
        say(call, session, call.persona().greeting());
    }

    /** The person said something (already checked): show it, stop the avatar if it speaks, and answer. */
    void deliver(Call call, String text) {
        call.countPersonMessage();
        call.publish(new CallEvent.MessageShown(
                new ChatMessage(UUID.randomUUID().toString(), ChatMessage.Author.PERSON, text, true)));
        call.session().ifPresent(session -> {
            if (call.isSpeaking()) {
                session.interrupt(); // barge-in: the person spoke, so the avatar stops
            }
            if (call.mode() == ChatMode.REPEAT) {
                say(call, session, text);
            } else if (session.answersItself()) {
                String utteranceId = session.speak(text, SpeechMode.TALK);
                call.publish(new CallEvent.MessageShown(call.lines().say(utteranceId, "")));
            } else {
                Reply reply = responder.answer(text, call.locale());
                session.showEmotion(reply.emotion());
                say(call, session, reply.text());
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

    private static void say(Call call, AvatarSession session, String text) {
        String utteranceId = session.speak(text, SpeechMode.REPEAT);
        call.publish(new CallEvent.MessageShown(call.lines().say(utteranceId, text)));
    }
}
