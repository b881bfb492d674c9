package app.avatarcall.conversation;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a document into passages of about a paragraph: small enough that a match points at the part that answers,
 * big enough to say something. Short paragraphs are joined; a long one is cut at sentence ends.
 */
final class DocumentPassages {

    static final int TARGET = 700;

    private DocumentPassages() {
    }

    static List<String> of(String text) {
        List<String> passages = new ArrayList<>();
        StringBuilder passage = new StringBuilder();
        for (String paragraph : text.split("\\R\\s*\\R")) {
            for (String piece : pieces(paragraph.strip().replaceAll("\\s+", " "))) {
                if (!passage.isEmpty() && passage.length() + piece.length() > TARGET) {
                    passages.add(passage.toString());
                    passage.setLength(0);
                }
                passage.append(passage.isEmpty() ? "" : " ").append(piece);
            }
        }
        if (!passage.isEmpty()) {
            passages.add(passage.toString());
        }
        return passages;
    }

    /** A paragraph, cut into runs of whole sentences of at most about {@link #TARGET} characters. */
    private static List<String> pieces(String paragraph) {
        if (paragraph.length() <= TARGET) {
            return paragraph.isEmpty() ? List.of() : List.of(paragraph);
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        for (String sentence : paragraph.split("(?<=[.!?…])\\s+")) {
            if (!piece.isEmpty() && piece.length() + sentence.length() > TARGET) {
                pieces.add(piece.toString());
                piece.setLength(0);
            }
            piece.append(piece.isEmpty() ? "" : " ").append(sentence);
        }
        if (!piece.isEmpty()) {
            pieces.add(piece.toString());
        }
        return pieces;
    }
}
