package app.avatarcall.conversation;

import java.util.regex.Pattern;

/**
 * A sentence of a model's reply made fit to be said aloud and shown as a caption: markdown marks, list bullets,
 * headings, link targets, stray emotion tags and emoji go (speech synthesis would read them out).
 */
public final class SpokenText {

    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\((?:[^)]+)\\)");
    private static final Pattern TAG = Pattern.compile("\\[[\\p{L} _:=-]{1,32}]");
    private static final Pattern BULLET = Pattern.compile("^(?:#{1,6}|[-*•])\\s+");
    private static final Pattern MARKS = Pattern.compile("\\*+|`+|(?<![\\p{L}\\p{N}])__|__(?![\\p{L}\\p{N}])");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SpokenText() {
    }

    /** The sentence as the avatar should say it; empty when nothing sayable is left (an emoji alone). */
    public static String of(String sentence) {
        String text = LINK.matcher(sentence).replaceAll("$1");
        text = TAG.matcher(text).replaceAll(" ");
        text = BULLET.matcher(text.strip()).replaceFirst("");
        text = MARKS.matcher(text).replaceAll("");
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(c -> !SentenceSplitter.isEmojiPart(c)).forEach(kept::appendCodePoint);
        return SPACES.matcher(kept).replaceAll(" ").strip().replaceAll(" ([,.!?…:;])", "$1");
    }
}
