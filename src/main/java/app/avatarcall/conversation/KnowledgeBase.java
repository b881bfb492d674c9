package app.avatarcall.conversation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
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

    private Query parse(String question) {
        var parser = new MultiFieldQueryParser(new String[] {QUESTION, ANSWER}, analyzer,
                java.util.Map.of(QUESTION, 2f, ANSWER, 0.5f));
        try {
            return parser.parse(QueryParser.escape(question));
        } catch (ParseException e) {
            return null;
        }
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
