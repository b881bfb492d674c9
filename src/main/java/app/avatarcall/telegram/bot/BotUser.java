package app.avatarcall.telegram.bot;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Someone who wrote to the bot. Their id is also the id of their private chat with it.
 *
 * @param languageCode the language their Telegram app is in, as Telegram says
 * @param language     the language they chose with {@code /language}, if they did
 * @param avatarId     the avatar they last chose (by a deep link or {@code /call <avatar>})
 * @param timeZone     their time zone, if an operator set it (Telegram does not tell)
 * @param startedAt    when they first sent {@code /start}; only people who did can be rung
 * @param blockedAt    when Telegram last said they blocked the bot (403); cleared when they write again
 */
public record BotUser(long id, String firstName, @Nullable String lastName, @Nullable String username,
                      @Nullable String languageCode, @Nullable String language, @Nullable String avatarId,
                      @Nullable String timeZone, @Nullable Instant startedAt, @Nullable Instant blockedAt) {

    private static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    /** Russian or English: what they chose, else what their Telegram app is in. */
    public Locale locale() {
        String tag = language != null ? language : languageCode;
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("ru") ? RUSSIAN : Locale.ENGLISH;
    }

    public boolean started() {
        return startedAt != null;
    }

    public boolean blocked() {
        return blockedAt != null;
    }

    public Optional<ZoneId> zone() {
        return Optional.ofNullable(timeZone).map(ZoneId::of);
    }
}
