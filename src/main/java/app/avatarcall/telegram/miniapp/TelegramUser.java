package app.avatarcall.telegram.miniapp;

import java.io.Serializable;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A Telegram user as Telegram vouched for them in a validated {@code initData}.
 *
 * @param startParam the {@code startapp} value of the link that opened the app: signed, but anyone can write any
 *                   value into a link, so it is untrusted input
 */
public record TelegramUser(long id, String firstName, @Nullable String lastName, @Nullable String username,
                           @Nullable String languageCode, @Nullable String photoUrl, @Nullable String startParam)
        implements Serializable {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** The key calls ring them by ({@code CallService.ring}): one per Telegram account, across devices. */
    public String person() {
        return "tg:" + id;
    }

    /** Their Telegram app's language as one the app speaks: Russian for {@code ru…}, English for any other. */
    public Optional<Locale> locale() {
        if (languageCode == null || languageCode.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(languageCode.toLowerCase(Locale.ROOT).startsWith("ru") ? RUSSIAN : Locale.ENGLISH);
    }

    /** Their profile picture, only when Telegram serves it ({@code https://t.me/...}); anything else is not shown. */
    public Optional<String> photo() {
        if (photoUrl == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(photoUrl);
            boolean telegrams = "https".equals(uri.getScheme()) && "t.me".equals(uri.getHost()) && uri.getPort() == -1
                    && uri.getUserInfo() == null && uri.getRawPath() != null && uri.getRawPath().startsWith("/");
            return telegrams ? Optional.of(uri.toASCIIString()) : Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.empty();
        }
    }
}
