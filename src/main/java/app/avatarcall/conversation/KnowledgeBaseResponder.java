package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.springframework.stereotype.Component;

/**
 * The built-in Talk mode: answers from a bilingual FAQ about the product, in the language the question is written
 * in, and politely says so when it does not know. No keys, no network.
 */
@Component
public class KnowledgeBaseResponder implements Responder {

    /** A BM25 score under this is a coincidence of common words, not an answer. */
    static final float MIN_SCORE = 1.2f;

    private final Map<String, KnowledgeBase> bases;

    public KnowledgeBaseResponder() {
        this.bases = Map.of(
                "en", new KnowledgeBase(new EnglishAnalyzer(), load("en"), MIN_SCORE),
                "ru", new KnowledgeBase(new RussianAnalyzer(), load("ru"), MIN_SCORE));
    }

    public Reply answer(String question, Locale callLocale) {
        String language = Languages.of(question, callLocale);
        return bases.get(language).bestMatch(question)
                .map(entry -> new Reply(entry.answer(), entry.emotion()))
                .orElseGet(() -> new Reply(fallback(language), Emotion.THINKING));
    }

    /** Answers at once: the FAQ's answer, said sentence by sentence with the entry's emotion. */
    @Override
    public Answering answer(Question question, ReplyListener listener) {
        Reply reply = answer(question.text(), question.callLocale());
        ReplyReader reader = ReplyReader.feeling(listener, reply.emotion());
        reader.read(reply.text());
        reader.end();
        listener.finished();
        return Answering.DONE;
    }

    /** The FAQ entries that bear on the question (in its language), best first: for a language model to answer from. */
    public List<Passage> passages(String question, Locale callLocale, int k) {
        return bases.get(Languages.of(question, callLocale)).top(question, k).stream()
                .map(entry -> new Passage(entry.questions().getFirst(), entry.answer()))
                .toList();
    }

    private static String fallback(String language) {
        return "ru".equals(language)
                ? "Хороший вопрос! Этого я пока не знаю. Спросите меня о звонках, режимах «Разговор» и «Повтор», "
                        + "языках или настройке аватара."
                : "Good question! I don't know that one yet. Ask me about calls, Talk and Repeat modes, "
                        + "languages or setting up an avatar.";
    }

    private static List<FaqEntry> load(String language) {
        String path = "/knowledge/faq_" + language + ".txt";
        try (InputStream in = KnowledgeBaseResponder.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing " + path);
            }
            return FaqFile.read(in, language);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
