package app.avatarcall.branding;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How the call screens look and sound. Colours are {@code #rrggbb}; {@code logoVersion} is blank without a logo (else
 * it names the stored logo, so that its URL changes when it does); {@code ringVolume} is a percentage.
 */
public record Branding(String accent, String backgroundFrom, String backgroundTo, Scheme scheme,
                       PortraitStyle portrait, ChatPlacement chat, boolean captions, Ringtone ringtone, int ringVolume,
                       boolean animations, String logoVersion, ScreenTexts texts) {

    /** The app's own look (V5__branding.sql inserts the same): a dark call that takes Telegram's theme. */
    public static final Branding DEFAULT = new Branding("#6366f1", "#0f172a", "#353b84", Scheme.TELEGRAM,
            PortraitStyle.CIRCLE, ChatPlacement.SIDE, true, Ringtone.CLASSIC, 50, true, "", ScreenTexts.NONE);

    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");

    /** Which colours win: Telegram's theme where it gives one (the operator's elsewhere), or the operator's always. */
    public enum Scheme { TELEGRAM, DARK, LIGHT }

    public enum PortraitStyle { CIRCLE, ROUNDED, FULL }

    /** Where the chat sits on a wide screen; on a phone it is always a sheet over the bottom. */
    public enum ChatPlacement { SIDE, BOTTOM }

    /** The tones ring-tone.ts synthesizes, or none. */
    public enum Ringtone { CLASSIC, SOFT, DIGITAL, SILENT }

    /** A field that is not right, and the translation key that says why. */
    public record Problem(String field, String messageKey) {
    }

    /** What is wrong with this branding; nothing for one that may be saved. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        colour("accent", accent, problems);
        colour("backgroundFrom", backgroundFrom, problems);
        colour("backgroundTo", backgroundTo, problems);
        if (ringVolume < 0 || ringVolume > 100) {
            problems.add(new Problem("ringVolume", "branding.error.volume"));
        }
        problems.addAll(texts.problems());
        return problems;
    }

    private static void colour(String field, String value, List<Problem> problems) {
        if (!COLOUR.matcher(value).matches()) {
            problems.add(new Problem(field, "branding.error.colour"));
        }
    }

    public boolean hasLogo() {
        return !logoVersion.isBlank();
    }

    public Branding withLogoVersion(String version) {
        return new Branding(accent, backgroundFrom, backgroundTo, scheme, portrait, chat, captions, ringtone,
                ringVolume, animations, version, texts);
    }
}
