package app.avatarcall.conversation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an operator added to the knowledge base: an FAQ entry (questions, one answer) or a document (a title and its
 * text, split into passages when indexed), for one avatar or for all of them.
 *
 * @param id        0 for one not saved yet
 * @param avatarId  the avatar it is for; null: for every avatar
 * @param language  {@code ru} or {@code en}, told by its script: the analyzer it is indexed with
 * @param questions an FAQ entry's questions; a document has none
 * @param body      an FAQ entry's answer, or a document's text
 */
public record KnowledgeItem(long id, @Nullable String avatarId, Kind kind, String language, String title,
                            List<String> questions, String body) {

    public static final int MAX_TITLE = 200;
    public static final int MAX_QUESTIONS = 4000;

    public enum Kind { FAQ, DOCUMENT }

    public KnowledgeItem {
        questions = List.copyOf(questions);
    }

    /** A new FAQ entry, in the language its words are written in. */
    public static KnowledgeItem faq(@Nullable String avatarId, List<String> questions, String answer) {
        String language = Languages.of(String.join(" ", questions) + " " + answer, java.util.Locale.ENGLISH);
        String first = questions.getFirst();
        String title = first.length() > MAX_TITLE ? first.substring(0, MAX_TITLE - 1) + "…" : first;
        return new KnowledgeItem(0, avatarId, Kind.FAQ, language, title, questions, answer);
    }

    /** A new document, in the language its text is written in. */
    public static KnowledgeItem document(@Nullable String avatarId, String title, String text) {
        return new KnowledgeItem(0, avatarId, Kind.DOCUMENT, Languages.of(text, java.util.Locale.ENGLISH), title,
                List.of(), text);
    }

    public KnowledgeItem withId(long newId) {
        return new KnowledgeItem(newId, avatarId, kind, language, title, questions, body);
    }
}
