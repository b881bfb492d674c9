package app.avatarcall.branding;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** What a save changed, for the audit log: {@code accent #6366f1 → #ff0000; captions true → false}. */
final class BrandingChanges {

    private BrandingChanges() {
    }

    static String between(Branding before, Branding after) {
        List<String> changes = new ArrayList<>();
        change(changes, "accent", before.accent(), after.accent());
        change(changes, "background from", before.backgroundFrom(), after.backgroundFrom());
        change(changes, "background to", before.backgroundTo(), after.backgroundTo());
        change(changes, "scheme", before.scheme(), after.scheme());
        change(changes, "portrait", before.portrait(), after.portrait());
        change(changes, "chat", before.chat(), after.chat());
        change(changes, "captions", before.captions(), after.captions());
        change(changes, "ringtone", before.ringtone(), after.ringtone());
        change(changes, "ring volume", before.ringVolume(), after.ringVolume());
        change(changes, "animations", before.animations(), after.animations());
        change(changes, "logo", before.hasLogo() ? before.logoVersion() : "none",
                after.hasLogo() ? after.logoVersion() : "none");
        for (String language : new String[] {"en", "ru"}) {
            for (ScreenText text : ScreenText.values()) {
                // The operator's words go into the log as they typed them: it is their own change, read by admins.
                change(changes, language + " " + text.name().toLowerCase(Locale.ROOT).replace('_', ' '),
                        before.texts().in(language).getOrDefault(text, "(built-in)"),
                        after.texts().in(language).getOrDefault(text, "(built-in)"));
            }
        }
        return changes.isEmpty() ? "no changes" : String.join("; ", changes);
    }

    private static void change(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(String.valueOf(before).toLowerCase(Locale.ROOT),
                String.valueOf(after).toLowerCase(Locale.ROOT))) {
            changes.add(what + " " + before + " → " + after);
        }
    }
}
