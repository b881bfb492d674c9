package app.avatarcall.call.ui;

import app.avatarcall.branding.Branding;
import app.avatarcall.branding.ScreenText;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import java.util.List;
import java.util.Locale;

/**
 * Puts an operator's branding on a call view's root: the colours as {@code --brand-*} variables in its inline style
 * and a class per choice (styles.css turns them into the look). Being on the element the server renders, they come
 * with the page's first HTML (see {@link RingingShell}): no request or script is added for them.
 */
final class BrandingStyle {

    static final String PREFIX = "brand-";

    private BrandingStyle() {
    }

    static void apply(HasElement root, Branding branding) {
        var element = root.getElement();
        element.getStyle().set("--brand-accent", branding.accent())
                .set("--brand-bg-from", branding.backgroundFrom())
                .set("--brand-bg-to", branding.backgroundTo());
        List<String> old = element.getClassList().stream().filter(name -> name.startsWith(PREFIX)).toList();
        old.forEach(element.getClassList()::remove);
        element.getClassList().add(PREFIX + "scheme-" + lower(branding.scheme()));
        element.getClassList().add(PREFIX + "portrait-" + lower(branding.portrait()));
        element.getClassList().add(PREFIX + "chat-" + lower(branding.chat()));
        element.getClassList().set(PREFIX + "no-captions", !branding.captions());
        element.getClassList().set(PREFIX + "still", !branding.animations());
    }

    /** The operator's words for a text in the component's language, else the built-in translation. */
    static String text(Component component, Locale locale, Branding branding, ScreenText text) {
        return branding.texts().of(locale, text).orElseGet(() -> component.getTranslation(locale, text.translationKey()));
    }

    private static String lower(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }
}
