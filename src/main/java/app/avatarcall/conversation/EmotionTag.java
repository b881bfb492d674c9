package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the emotion tag a language model is asked to put at the very start of its reply ({@code [happy] Great to
 * hear!}), as the reply streams in: the tag may arrive split over several pieces, and is never passed on to be said
 * or shown. Forgiving about what models really write: {@code [Happy]}, {@code [emotion: happy]},
 * {@code (happy)}, synonyms ("joyful", "curious") and Russian words ("радость"). A reply that does not start with a
 * tag is passed on untouched. Not thread-safe: one per reply.
 */
public final class EmotionTag {

    /** Longer than this without a closing bracket, it is not a tag but text that starts with a bracket. */
    private static final int LONGEST_TAG = 32;
    private static final Pattern TAG = Pattern.compile(
            "^\\s*[\\[(]\\s*(?:(?:emotion|feeling|mood|эмоция)\\s*[:=]\\s*)?([\\p{L} _-]{1,24}?)\\s*[\\])]\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, Emotion> WORDS = Map.ofEntries(
            Map.entry("neutral", Emotion.NEUTRAL), Map.entry("calm", Emotion.NEUTRAL), Map.entry("serious", Emotion.NEUTRAL),
            Map.entry("нейтрально", Emotion.NEUTRAL), Map.entry("спокойно", Emotion.NEUTRAL),
            Map.entry("happy", Emotion.HAPPY), Map.entry("joy", Emotion.HAPPY), Map.entry("joyful", Emotion.HAPPY),
            Map.entry("glad", Emotion.HAPPY), Map.entry("excited", Emotion.HAPPY), Map.entry("cheerful", Emotion.HAPPY),
            Map.entry("smile", Emotion.HAPPY), Map.entry("smiling", Emotion.HAPPY), Map.entry("amused", Emotion.HAPPY),
            Map.entry("delighted", Emotion.HAPPY), Map.entry("радость", Emotion.HAPPY), Map.entry("весело", Emotion.HAPPY),
            Map.entry("sad", Emotion.SAD), Map.entry("sorry", Emotion.SAD), Map.entry("unhappy", Emotion.SAD),
            Map.entry("sympathetic", Emotion.SAD), Map.entry("empathetic", Emotion.SAD), Map.entry("concerned", Emotion.SAD),
            Map.entry("грусть", Emotion.SAD), Map.entry("грустно", Emotion.SAD), Map.entry("сочувствие", Emotion.SAD),
            Map.entry("surprised", Emotion.SURPRISED), Map.entry("surprise", Emotion.SURPRISED),
            Map.entry("amazed", Emotion.SURPRISED), Map.entry("astonished", Emotion.SURPRISED),
            Map.entry("удивление", Emotion.SURPRISED),
            Map.entry("thinking", Emotion.THINKING), Map.entry("thoughtful", Emotion.THINKING),
            Map.entry("curious", Emotion.THINKING), Map.entry("pondering", Emotion.THINKING),
            Map.entry("unsure", Emotion.THINKING), Map.entry("uncertain", Emotion.THINKING),
            Map.entry("confused", Emotion.THINKING), Map.entry("задумчиво", Emotion.THINKING),
            Map.entry("размышление", Emotion.THINKING));

    private final StringBuilder start = new StringBuilder();
    private boolean decided;
    private @Nullable Emotion emotion;

    /** Takes the next piece; returns the text to pass on (empty while the start is still undecided). */
    public String read(String piece) {
        if (decided) {
            return piece;
        }
        start.append(piece);
        String text = start.toString();
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            return "";
        }
        if (trimmed.charAt(0) != '[' && trimmed.charAt(0) != '(') {
            return decide(text);
        }
        Matcher tag = TAG.matcher(text);
        if (tag.find()) {
            return take(tag, text);
        }
        boolean couldStillBeATag = trimmed.length() <= LONGEST_TAG && trimmed.indexOf(']') < 0 && trimmed.indexOf(')') < 0
                && trimmed.substring(1).chars().allMatch(c -> Character.isLetter(c) || " _-:=".indexOf(c) >= 0);
        return couldStillBeATag ? "" : decide(text);
    }

    /** The reply is over: whatever was held back, if it was not a tag after all. */
    public String finish() {
        if (decided) {
            return "";
        }
        String text = start.toString();
        Matcher tag = TAG.matcher(text);
        return tag.find() ? take(tag, text) : decide(text);
    }

    /** The emotion the tag named; empty when there was no tag or it named nothing known. */
    public Optional<Emotion> emotion() {
        return Optional.ofNullable(emotion);
    }

    public boolean isDecided() {
        return decided;
    }

    /** Brackets around any word are a tag; parentheses only around a feeling ("(happy)", not "(in short)"). */
    private String take(Matcher tag, String text) {
        Emotion named = WORDS.get(tag.group(1).strip().toLowerCase(Locale.ROOT));
        if (named == null && text.stripLeading().charAt(0) == '(') {
            return decide(text);
        }
        emotion = named;
        return decide(text.substring(tag.end()));
    }

    private String decide(String rest) {
        decided = true;
        start.setLength(0);
        return rest;
    }
}
