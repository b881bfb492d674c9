package app.avatarcall.conversation;

import java.util.regex.Pattern;

/**
 * A message as the person typed it, checked and cleaned: control characters go (line breaks and tabs become
 * spaces), surrounding white space goes, and the length is counted in code points so emoji count as one.
 */
public final class MessageText {

    public static final int MAX_LENGTH = 1000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}&&[^\\u200d]]");
    private static final Pattern SPACES = Pattern.compile("[\\t\\n\\r\\u000b\\f\\u2028\\u2029]+");

    /** The outcome of checking: a clean text, or why it was refused. */
    public sealed interface Check {
        record Accepted(String text) implements Check {
        }

        record Empty() implements Check {
        }

        record TooLong(int length, int max) implements Check {
        }
    }

    private MessageText() {
    }

    public static Check check(String raw) {
        String clean = clean(raw);
        if (clean.isEmpty()) {
            return new Check.Empty();
        }
        int length = length(clean);
        return length > MAX_LENGTH ? new Check.TooLong(length, MAX_LENGTH) : new Check.Accepted(clean);
    }

    public static String clean(String raw) {
        String spaced = SPACES.matcher(raw).replaceAll(" ");
        return CONTROL.matcher(spaced).replaceAll("").strip();
    }

    public static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
