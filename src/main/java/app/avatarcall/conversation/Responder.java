package app.avatarcall.conversation;

/**
 * Answers the person in Talk mode. The built-in {@link KnowledgeBaseResponder} answers at once from the FAQ; a
 * language model streams its answer, sentence by sentence, on a thread of its own.
 */
public interface Responder {

    /**
     * Starts answering; what is said arrives on {@code listener}, perhaps before this returns. Never throws for a
     * failing service: the listener hears an apology instead.
     */
    Answering answer(Question question, ReplyListener listener);

    /**
     * Whether this responder should answer even for avatars that can answer by themselves (a LiveAvatar with a
     * context); otherwise those keep their own brain.
     */
    default boolean answersForEveryAvatar() {
        return false;
    }
}
