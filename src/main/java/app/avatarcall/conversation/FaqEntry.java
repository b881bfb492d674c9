package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.util.List;

/** One question-and-answer pair of the knowledge base, in one language. */
record FaqEntry(String language, List<String> questions, String answer, Emotion emotion) {
}
