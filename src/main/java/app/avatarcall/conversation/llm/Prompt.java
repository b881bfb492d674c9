package app.avatarcall.conversation.llm;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Memory;
import app.avatarcall.conversation.Passage;
import app.avatarcall.conversation.Question;
import app.avatarcall.conversation.llm.ChatCompletionsClient.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * What the model is sent for one question: a system message that puts it in the avatar's character, tells it the
 * language to answer in, how to speak (short, aloud, an emotion tag first) and the knowledge-base passages that bear
 * on the question; then as much of the call's conversation as fits the memory budget; then the question.
 */
final class Prompt {

    /** Marks the knowledge section; the fake model finds its facts by it. */
    static final String KNOWLEDGE = "Knowledge base";

    private final LlmProperties properties;
    private final KnowledgeBaseResponder knowledge;

    Prompt(LlmProperties properties, KnowledgeBaseResponder knowledge) {
        this.properties = properties;
        this.knowledge = knowledge;
    }

    List<Message> messages(Question question) {
        List<Message> messages = new ArrayList<>();
        List<Passage> passages = knowledge.passages(question.text(), question.callLocale(), question.avatarId(),
                properties.passages());
        messages.add(new Message("system", system(question.persona(), question.language(), passages)));
        for (Memory.Exchange exchange : question.memory().recent(properties.memoryTokens())) {
            if (!exchange.question().isEmpty()) {
                messages.add(new Message("user", exchange.question()));
            }
            if (!exchange.answer().isEmpty()) {
                messages.add(new Message("assistant", exchange.answer()));
            }
        }
        messages.add(new Message("user", question.text()));
        return messages;
    }

    static String system(AvatarProfile.Persona persona, String language, List<Passage> passages) {
        String languageName = "ru".equals(language) ? "Russian" : "English";
        StringBuilder system = new StringBuilder()
                .append("You are ").append(persona.name()).append(", ").append(persona.role())
                .append(", an AI avatar in a live video call in the Avatar Call app. ")
                .append(persona.prompt().isBlank() ? "" : persona.prompt().strip() + " ")
                .append("""
                        You talk with the person face to face: what you write is spoken aloud as you write it.
                        - Answer in %s (language code "%s"), the language the person writes in now, whatever \
                        language came before.
                        - Speak, don't write: one to three short sentences, plain words; no lists, no markdown, \
                        no emoji, no stage directions.
                        - Stay in character as %s. You may say you are an AI avatar; never that you are a language \
                        model.
                        - Begin every reply with one emotion tag that fits it: [neutral], [happy], [sad], [surprised] \
                        or [thinking]. The tag is not spoken.
                        """.formatted(languageName, language, persona.name()));
        if (passages.isEmpty()) {
            system.append(KNOWLEDGE).append(": nothing on this question. If it is about Avatar Call and you do not ")
                    .append("know, say so briefly rather than guess.\n");
        } else {
            system.append(KNOWLEDGE).append(" (answer from these facts when they fit; do not make up others):\n");
            passages.forEach(p -> system.append("- Q: ").append(p.question()).append(" A: ").append(p.answer()).append('\n'));
        }
        return system.toString();
    }
}
