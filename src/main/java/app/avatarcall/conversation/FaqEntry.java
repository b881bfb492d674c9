package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.util.List;

/**
 * One question-and-answer pair of the knowledge base, in one language: an FAQ entry, or a passage of a document
 * (its title, then its text, stand for the questions it answers).
 *
 * @param avatarId the avatar it is for; empty: for all of them
 */
record FaqEntry(String language, List<String> questions, String answer, Emotion emotion, String avatarId) {

    FaqEntry(String language, List<String> questions, String answer, Emotion emotion) {
        this(language, questions, answer, emotion, "");
    }
}
