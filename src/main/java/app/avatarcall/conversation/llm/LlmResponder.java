package app.avatarcall.conversation.llm;

import app.avatarcall.conversation.Answering;
import app.avatarcall.conversation.Apology;
import app.avatarcall.conversation.Question;
import app.avatarcall.conversation.ReplyListener;
import app.avatarcall.conversation.ReplyReader;
import app.avatarcall.conversation.Responder;

/**
 * Talk mode through a language model: the reply streams in, its emotion tag is read from its start, and each
 * sentence goes to the listener as soon as it is complete. When the model fails (timeouts, 401, 429, 5xx, a broken
 * stream) the listener hears a short apology in the person's language instead, and the call goes on.
 */
final class LlmResponder implements Responder, AutoCloseable {

    private final ChatCompletionsClient client;
    private final Prompt prompt;
    private final boolean everyAvatar;

    LlmResponder(ChatCompletionsClient client, Prompt prompt, boolean everyAvatar) {
        this.client = client;
        this.prompt = prompt;
        this.everyAvatar = everyAvatar;
    }

    @Override
    public Answering answer(Question question, ReplyListener listener) {
        ReplyReader reader = ReplyReader.tagged(listener);
        return client.stream(prompt.messages(question), new ChatCompletionsClient.Handler() {
            @Override
            public void token(String text) {
                reader.read(text);
            }

            @Override
            public void completed() {
                reader.end();
                listener.finished();
            }

            @Override
            public void failed(LlmFailure failure) {
                // What was half written is dropped: the avatar does not stop mid-sentence, it says sorry.
                listener.sentence(Apology.of(question.language(), !reader.said().isEmpty()));
                listener.finished();
            }
        });
    }

    @Override
    public boolean answersForEveryAvatar() {
        return everyAvatar;
    }

    @Override
    public void close() {
        client.close();
    }
}
