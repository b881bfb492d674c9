package app.avatarcall.conversation;

import java.util.Locale;

/** Tells the language of a short text by its script: Cyrillic is Russian, Latin is English. */
public final class Languages {

    private Languages() {
    }

    /** {@code ru} or {@code en}; a text with no letters takes the call's language. */
    public static String of(String text, Locale fallback) {
        long cyrillic = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC).count();
        long latin = text.codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN).count();
        if (cyrillic == 0 && latin == 0) {
            return "ru".equals(fallback.getLanguage()) ? "ru" : "en";
        }
        return cyrillic >= latin ? "ru" : "en";
    }
}
