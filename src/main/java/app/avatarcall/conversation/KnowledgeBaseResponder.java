package app.avatarcall.conversation;

import app.avatarcall.avatar.AvatarDeleted;
import app.avatarcall.avatar.Emotion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The built-in Talk mode: answers from a bilingual FAQ about the product and what operators added to the knowledge
 * base (for every avatar, or for the one in the call), in the language the question is written in, and politely says
 * so when it does not know. No keys, no network. The index is built again whenever the knowledge base changes.
 */
@Component
public class KnowledgeBaseResponder implements Responder {

    /** A BM25 score under this is a coincidence of common words, not an answer. */
    static final float MIN_SCORE = 1.2f;

    private final @Nullable KnowledgeItems items;
    private volatile Map<String, KnowledgeBase> bases;

    /** The built-in FAQ only. */
    public KnowledgeBaseResponder() {
        this.items = null;
        this.bases = index(List.of());
    }

    @Autowired
    KnowledgeBaseResponder(KnowledgeItems items) {
        this.items = items;
        this.bases = index(items.all());
    }

    /**
     * Indexes the built-in FAQ and what operators added; a call asking meanwhile gets the index as it was. A deleted
     * avatar's knowledge was deleted with it, so that is a change too.
     */
    @EventListener({KnowledgeChanged.class, AvatarDeleted.class})
    public void reindex() {
        bases = index(items == null ? List.of() : items.all());
    }

    public Reply answer(String question, Locale callLocale) {
        return answer(question, callLocale, "");
    }

    /** The answer for a call with the avatar {@code avatarId}: from the shared entries and the avatar's own. */
    public Reply answer(String question, Locale callLocale, String avatarId) {
        String language = Languages.of(question, callLocale);
        return bases.get(language).bestMatch(question, avatarId)
                .map(entry -> new Reply(entry.answer(), entry.emotion()))
                .orElseGet(() -> new Reply(fallback(language), Emotion.THINKING));
    }

    /** Answers at once: the FAQ's answer, said sentence by sentence with the entry's emotion. */
    @Override
    public Answering answer(Question question, ReplyListener listener) {
        Reply reply = answer(question.text(), question.callLocale(), question.avatarId());
        ReplyReader reader = ReplyReader.feeling(listener, reply.emotion());
        reader.read(reply.text());
        reader.end();
        listener.finished();
        return Answering.DONE;
    }

    /** The FAQ entries that bear on the question (in its language), best first: for a language model to answer from. */
    public List<Passage> passages(String question, Locale callLocale, int k) {
        return passages(question, callLocale, "", k);
    }

    /** The same for a call with the avatar {@code avatarId}: its own entries count too. */
    public List<Passage> passages(String question, Locale callLocale, String avatarId, int k) {
        return bases.get(Languages.of(question, callLocale)).scored(question, k, avatarId).stream()
                .map(hit -> new Passage(hit.entry().questions().getFirst(), hit.entry().answer()))
                .toList();
    }

    /** What a call with the avatar would retrieve for the question, best first, with scores: for the console. */
    public List<Retrieved> retrieve(String question, Locale callLocale, String avatarId, int k) {
        List<KnowledgeBase.Hit> hits = bases.get(Languages.of(question, callLocale)).scored(question, k, avatarId);
        return java.util.stream.IntStream.range(0, hits.size())
                .mapToObj(i -> new Retrieved(hits.get(i).entry().questions().getFirst(), hits.get(i).entry().answer(),
                        hits.get(i).score(), i == 0 && hits.get(i).score() >= MIN_SCORE))
                .toList();
    }

    private static Map<String, KnowledgeBase> index(List<KnowledgeItem> added) {
        return Map.of(
                "en", new KnowledgeBase(new EnglishAnalyzer(), entries("en", added), MIN_SCORE),
                "ru", new KnowledgeBase(new RussianAnalyzer(), entries("ru", added), MIN_SCORE));
    }

    private static List<FaqEntry> entries(String language, List<KnowledgeItem> added) {
        List<FaqEntry> entries = new ArrayList<>(load(language));
        for (KnowledgeItem item : added) {
            if (!item.language().equals(language)) {
                continue;
            }
            String avatar = item.avatarId() == null ? "" : item.avatarId();
            if (item.kind() == KnowledgeItem.Kind.FAQ) {
                entries.add(new FaqEntry(language, item.questions(), item.body(), Emotion.NEUTRAL, avatar));
            } else {
                // A passage is found by its own words (indexed as its "questions"), its title coming first.
                DocumentPassages.of(item.body()).forEach(passage -> entries.add(
                        new FaqEntry(language, List.of(item.title(), passage), passage, Emotion.NEUTRAL, avatar)));
            }
        }
        return entries;
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
