package app.avatarcall.telegram.bot;

import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** What the bot says, in Russian or English ({@code telegram/bot*.properties}). */
@Component
public class BotTexts {

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

    BotTexts() {
        messages.setBasename("telegram/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(Locale.ENGLISH);
        messages.setAlwaysUseMessageFormat(true);
    }

    public String get(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
