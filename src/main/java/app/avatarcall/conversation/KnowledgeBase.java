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

    /** The best entry for the question, if any is a good enough match. */
    Optional<FaqEntry> bestMatch(String question) {
        Query query = parse(question);
        if (query == null) {
            return Optional.empty();
        }
        try {
            ScoreDoc[] hits = searcher.search(query, 1).scoreDocs;
            if (hits.length == 0 || hits[0].score < minScore) {
                return Optional.empty();
            }
            int entry = searcher.storedFields().document(hits[0].doc).getField(ENTRY).numericValue().intValue();
            return Optional.of(entries.get(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entries that bear on the question, best first: at most {@code k}, each at least a weak match. */
    List<FaqEntry> top(String question, int k) {
        Query query = parse(question);
        if (query == null || k <= 0) {
            return List.of();
        }
        try {
            List<FaqEntry> top = new ArrayList<>();
            for (ScoreDoc hit : searcher.search(query, k).scoreDocs) {
                if (hit.score >= minScore / 2) {
                    top.add(entries.get(searcher.storedFields().document(hit.doc).getField(ENTRY).numericValue().intValue()));
                }
            }
            return top;
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
