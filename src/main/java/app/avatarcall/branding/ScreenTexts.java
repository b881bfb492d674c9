package app.avatarcall.branding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's own words for the call screens, in English and Russian; a text that is not given is the built-in
 * translation. Any language other than Russian reads the English ones, as the app's translations do.
 */
public record ScreenTexts(Map<ScreenText, String> english, Map<ScreenText, String> russian) {

    public static final ScreenTexts NONE = new ScreenTexts(Map.of(), Map.of());

    public ScreenTexts {
        english = kept(english);
        russian = kept(russian);
    }

    /** Only texts with words in them, trimmed: a blank one means "the built-in translation". */
    private static Map<ScreenText, String> kept(Map<ScreenText, String> texts) {
        Map<ScreenText, String> kept = new EnumMap<>(ScreenText.class);
        texts.forEach((key, text) -> {
            if (!text.isBlank()) {
                kept.put(key, text.strip());
            }
        });
        return Map.copyOf(kept);
    }

    public Optional<String> of(Locale locale, ScreenText text) {
        return Optional.ofNullable(in(locale.getLanguage()).get(text));
    }

    public Map<ScreenText, String> in(String language) {
        return "ru".equals(language) ? russian : english;
    }

    List<Branding.Problem> problems() {
        List<Branding.Problem> problems = new ArrayList<>();
        for (String language : List.of("en", "ru")) {
            in(language).forEach((key, text) -> {
                if (text.codePointCount(0, text.length()) > ScreenText.MAX_LENGTH) {
                    problems.add(new Branding.Problem("text." + language + "." + key, "branding.error.text-long"));
                }
            });
        }
        return problems;
    }
}
