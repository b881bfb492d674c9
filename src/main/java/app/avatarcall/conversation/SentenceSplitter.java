package app.avatarcall.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts a reply that arrives a few characters at a time into sentences, in Russian and English, handing each one out
 * the moment it is known to be complete, so that the avatar can start speaking it while the rest is still being
 * written. A period, "!", "?", "…" or "..." (with any closing quotes, brackets or emoji after it) ends a sentence
 * only when the next word starts like a sentence: after "e.g. this", "т. е. это", "Mr. Smith", "г. Москва",
 * "3.14", "fig. 3" or «Стой!» — сказал он, the sentence goes on. A line break always ends one (list items, headings).
 * <p>
 * Not thread-safe: one splitter per reply.
 */
public final class SentenceSplitter {

    /** A sentence longer than this is cut at its last clause break, so that a run-on reply does not keep the avatar silent. */
    static final int SOFT_LIMIT = 220;
    private static final int MIN_CLAUSE = 60;

    /** Abbreviations after which a sentence never ends, even before a capital: "Mr. Smith", "г. Москва", "т. е. Иван". */
    private static final Set<String> NEVER_LAST = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "st", "sr", "gen", "gov", "sen", "rep", "capt", "lt", "col", "sgt", "rev",
            "hon", "mt", "approx", "e.g", "i.e", "cf", "viz", "vs", "incl", "dept",
            "т.е", "т.к", "т.н", "т.ч", "ул", "им", "проф", "акад", "доц", "г-н", "г-жа", "см", "напр", "ср", "кв",
            "обл", "р-н", "пос", "дер", "св", "тов", "гр", "англ", "рус", "лат", "нем", "букв", "прим", "ок", "пр-т");
    /** Abbreviations that stand before a number: "No. 5", "fig. 3", "стр. 12", "д. 5". */
    private static final Set<String> BEFORE_NUMBER = Set.of(
            "no", "nos", "p", "pp", "fig", "vol", "ch", "art", "sec", "стр", "с", "рис", "гл", "п", "пп", "ст", "ч", "д",
            "т", "№");
    private static final String TERMINALS = ".!?…";
    private static final String CLOSERS = "»\"”’')]*_`";
    private static final String DASHES = "—–-";

    private final StringBuilder buffer = new StringBuilder();

    /** Takes the next piece of the reply; returns the sentences it completed, in order (often none). */
    public List<String> append(CharSequence piece) {
        buffer.append(piece);
        return take(false);
    }

    /** The reply is over: returns what is left, as the last sentences. */
    public List<String> finish() {
        return take(true);
    }

    private List<String> take(boolean finished) {
        List<String> sentences = new ArrayList<>();
        for (int end = boundary(finished); end >= 0; end = boundary(finished)) {
            String sentence = buffer.substring(0, end).strip();
            buffer.delete(0, end);
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        if (finished) {
            String rest = buffer.toString().strip();
            buffer.setLength(0);
            if (!rest.isEmpty()) {
                sentences.add(rest);
            }
        } else if (buffer.length() > SOFT_LIMIT) {
            softBreak().ifPresent(sentences::add);
        }
        return sentences;
    }

    /** Where the first complete sentence of the buffer ends; -1 when it is not known yet. */
    private int boundary(boolean finished) {
        String text = buffer.toString();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '\n') {
                if (!text.substring(0, i).isBlank()) {
                    return i;
                }
                i++;
            } else if (TERMINALS.indexOf(c) >= 0) {
                int decided = afterTerminal(text, i, finished);
                if (decided != NOT_HERE) {
                    return decided;
                }
                i = skip(text, i, TERMINALS);
            } else if (isEmojiStart(c) && !text.substring(0, i).isBlank()) {
                int end = skipEmoji(text, i);
                int next = skipSpaces(text, end);
                if (next < text.length() && Character.isHighSurrogate(text.charAt(next)) && next + 1 == text.length()) {
                    return -1;
                }
                if (next > end && next < text.length() && Character.isUpperCase(text.codePointAt(next))) {
                    return end; // an emoji between two sentences ends the first: "Sure 👍 Ask away."
                }
                i = Math.max(end, i + Character.charCount(c));
            } else {
                i += Character.charCount(c);
            }
        }
        return -1;
    }

    private static final int NOT_HERE = -2;

    /** At a run of terminals starting at {@code start}: the end of the sentence, -1 (wait and see) or NOT_HERE. */
    private static int afterTerminal(String text, int start, boolean finished) {
        int end = skip(text, skip(text, start, TERMINALS), CLOSERS);
        boolean quoted = end > skip(text, start, TERMINALS);
        for (int next = skipSpaces(text, end); next < text.length() && isEmojiStart(text.codePointAt(next)); ) {
            int after = skipEmoji(text, next);
            if (after < text.length() && !Character.isWhitespace(text.codePointAt(after))) {
                break;
            }
            end = after; // "Great! 😊 Let's go.": the emoji belongs to the sentence it follows
            next = skipSpaces(text, end);
        }
        if (end == text.length()) {
            return finished ? end : -1;
        }
        if (!Character.isWhitespace(text.codePointAt(end))) {
            return NOT_HERE; // "3.14", "example.com", "e.g.x"
        }
        int next = skipSpaces(text, end);
        if (next == text.length()) {
            return finished ? end : -1;
        }
        if (text.codePointAt(next) == '\n') {
            return end;
        }
        if (Character.isHighSurrogate(text.charAt(next)) && next + 1 == text.length()) {
            return finished ? end : -1; // half an emoji: see the rest of it first
        }
        return startsSentence(text, start, next, quoted) ? end : NOT_HERE;
    }

    /** Whether the word at {@code next} starts a new sentence after the terminal run at {@code terminal}. */
    private static boolean startsSentence(String text, int terminal, int next, boolean quoted) {
        int c = text.codePointAt(next);
        if (Character.isLowerCase(c)) {
            return false; // "e.g. this", "Well… maybe", "«Hi!» she said"
        }
        if (DASHES.indexOf(c) >= 0) {
            return !quoted; // «Стой!» — сказал он: the sentence goes on; "— Привет! — Привет.": a new line of dialogue
        }
        if (skip(text, terminal, TERMINALS) - terminal > 1 || text.charAt(terminal) != '.') {
            return true; // "!", "?", "…", "...", "?!"
        }
        return !abbreviationBefore(text, terminal, c);
    }

    /** Whether the period at {@code period} closes an abbreviation, an initial or a list number rather than a sentence. */
    private static boolean abbreviationBefore(String text, int period, int next) {
        String[] words = text.substring(0, period).strip().split("\\s+");
        String word = words[words.length - 1];
        String lower = word.toLowerCase(Locale.ROOT).replaceAll("^[(«\"“*_]+", "");
        String previous = words.length > 1 ? words[words.length - 2].toLowerCase(Locale.ROOT) : "";
        if (previous.length() == 2 && previous.endsWith(".") && lower.length() == 1) {
            lower = previous + lower; // "т. е", "и т. д"
        }
        if (NEVER_LAST.contains(lower)) {
            return true;
        }
        if (Character.isDigit(next) && BEFORE_NUMBER.contains(lower)) {
            return true;
        }
        if ("г".equals(lower)) {
            return !previous.matches("\\d+"); // "в 1990 г. Потом" ends; "в г. Москва" does not
        }
        if (words.length == 1 && word.matches("\\d{1,3}")) {
            return true; // "1. Open the app": a list number
        }
        // An initial: "J. K. Rowling", "А. С. Пушкин" (but not "So did I. Then…").
        return word.codePointCount(0, word.length()) == 1 && Character.isUpperCase(word.codePointAt(0))
                && !"I".equals(word) && Character.isUpperCase(next);
    }

    /** A run-on sentence: cut it at its last clause break well into it, if it has one. */
    private java.util.Optional<String> softBreak() {
        String text = buffer.toString();
        int cut = -1;
        for (String mark : new String[] {", ", "; ", ": ", " — ", " – "}) {
            cut = Math.max(cut, text.lastIndexOf(mark));
        }
        if (cut < MIN_CLAUSE) {
            return java.util.Optional.empty();
        }
        int end = text.charAt(cut) == ' ' ? cut + 2 : cut + 1;
        String sentence = text.substring(0, end).strip();
        buffer.delete(0, end);
        return java.util.Optional.of(sentence);
    }

    private static int skip(String text, int from, String chars) {
        int i = from;
        while (i < text.length() && chars.indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
            i++;
        }
        return i;
    }

    private static int skipEmoji(String text, int from) {
        int i = from;
        while (i < text.length() && isEmojiPart(text.codePointAt(i))) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /** A pictograph (not "°", "©" or "№", which are symbols too). */
    static boolean isEmojiStart(int c) {
        return c >= 0x2300 && Character.getType(c) == Character.OTHER_SYMBOL;
    }

    static boolean isEmojiPart(int c) {
        return isEmojiStart(c) || c == 0xFE0F || c == 0x200D || c == 0x20E3 || (c >= 0x1F3FB && c <= 0x1F3FF);
    }
}
