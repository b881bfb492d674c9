package app.avatarcall.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;

/**
 * The knowledge base of one language, indexed in memory with that language's analyzer (stemming, stop words), so
 * that "how much does it cost" finds "What does it cost?" and "сколько стоит" finds "Сколько это стоит?".
 */
final class KnowledgeBase {

    private static final String QUESTION = "question";
    private static final String ANSWER = "answer";
    private static final String ENTRY = "entry";
    private static final String AVATAR = "avatar";

    /** An entry that bears on a question, and how well it matches (BM25). */
    record Hit(FaqEntry entry, float score) {
    }

    private final Analyzer analyzer;
    private final List<FaqEntry> entries;
    private final IndexSearcher searcher;
    private final float minScore;

    KnowledgeBase(Analyzer analyzer, List<FaqEntry> entries, float minScore) {
        this.analyzer = analyzer;
        this.entries = List.copyOf(entries);
        this.minScore = minScore;
        this.searcher = new IndexSearcher(index());
    }

    /** The best shared entry for the question, if any is a good enough match. */
    Optional<FaqEntry> bestMatch(String question) {
        return bestMatch(question, "");
    }

    /** The best entry for the question among those shared and those of the avatar, if any is a good enough match. */
    Optional<FaqEntry> bestMatch(String question, String avatarId) {
        return hits(question, 1, avatarId).stream().filter(hit -> hit.score() >= minScore).map(Hit::entry).findFirst();
    }

    /** The shared entries that bear on the question, best first: at most {@code k}, each at least a weak match. */
    List<FaqEntry> top(String question, int k) {
        return scored(question, k, "").stream().map(Hit::entry).toList();
    }

    /** The entries (shared, or the avatar's) that bear on the question, with scores, best first; at most {@code k}. */
    List<Hit> scored(String question, int k, String avatarId) {
        return hits(question, k, avatarId).stream().filter(hit -> hit.score() >= minScore / 2).toList();
    }

    private List<Hit> hits(String question, int k, String avatarId) {
        Query words = parse(question);
        if (words == null || k <= 0) {
            return List.of();
        }
        var whose = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(AVATAR, "")), BooleanClause.Occur.SHOULD)
                .add(new TermQuery(new Term(AVATAR, avatarId)), BooleanClause.Occur.SHOULD).build();
        Query query = new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                .add(whose, BooleanClause.Occur.FILTER).build();
        try {
            List<Hit> hits = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                int entry = searcher.storedFields().document(hit.doc).getField(ENTRY).numericValue().intValue();
                hits.add(new Hit(entries.get(entry), hit.score));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every word of the question (stemmed, stop words gone) may match the entry's questions or, weaker, its answer;
     * at least half of them must, so that one shared word ("what") is not taken for an answer.
     */
    private @Nullable Query parse(String question) {
        List<String> terms = terms(question);
        if (terms.isEmpty()) {
            return null;
        }
        var query = new BooleanQuery.Builder();
        for (String term : terms) {
            query.add(new DisjunctionMaxQuery(List.of(
                    new BoostQuery(new TermQuery(new Term(QUESTION, term)), 2f),
                    new BoostQuery(new TermQuery(new Term(ANSWER, term)), 0.5f)), 0.1f), BooleanClause.Occur.SHOULD);
        }
        query.setMinimumNumberShouldMatch((terms.size() + 1) / 2);
        return query.build();
    }

    private List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(QUESTION, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (!terms.contains(term.toString())) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    private DirectoryReader index() {
        Directory directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < entries.size(); i++) {
                FaqEntry entry = entries.get(i);
                Document doc = new Document();
                doc.add(new StoredField(ENTRY, i));
                doc.add(new StringField(AVATAR, entry.avatarId(), Field.Store.NO));
                doc.add(new TextField(QUESTION, String.join("\n", entry.questions()), Field.Store.NO));
                doc.add(new TextField(ANSWER, entry.answer(), Field.Store.NO));
                writer.addDocument(doc);
            }
            writer.commit();
            return DirectoryReader.open(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
