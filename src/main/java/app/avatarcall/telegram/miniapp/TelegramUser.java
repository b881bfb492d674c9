package app.avatarcall.telegram.miniapp;

import org.jspecify.annotations.Nullable;

/**
 * A Telegram user as Telegram vouched for them in a validated {@code initData}.
 *
 * @param startParam the {@code startapp} value of the link that opened the app: signed, but anyone can write any
 *                   value into a link, so it is untrusted input
 */
public record TelegramUser(long id, String firstName, @Nullable String lastName, @Nullable String username,
                           @Nullable String languageCode, @Nullable String photoUrl, @Nullable String startParam) {
}
