package app.avatarcall.telegram.miniapp;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What the Mini App needs to know who opens it. The bot token is a secret: server side only, never logged.
 *
 * @param botToken    from @BotFather ({@code TELEGRAM_BOT_TOKEN}); without it nobody can be verified and everybody
 *                    is an anonymous web user
 * @param botUsername the bot's @username ({@code TELEGRAM_BOT_USERNAME}), for the link to it on the pages that turn
 *                    people away
 * @param testServer  Telegram's test environment: its Ed25519 key checks the {@code signature}
 * @param miniApp     how strictly people are checked
 */
@Validated
@ConfigurationProperties("telegram")
record MiniAppProperties(
        @Nullable String botToken,
        @Nullable String botUsername,
        @DefaultValue("false") boolean testServer,
        @Valid @DefaultValue MiniApp miniApp) {

    /**
     * @param authWindow     how old an {@code initData} may be ({@code auth_date}); older ones are refused as replays
     * @param allowAnonymous whether people outside Telegram (no {@code initData}) may call as anonymous web users
     * @param checkSignature also check Telegram's Ed25519 {@code signature} (the key of the production or the test
     *                       environment, by {@code testServer}), not only the bot-token HMAC
     */
    record MiniApp(
            @NotNull @DefaultValue("1h") Duration authWindow,
            @DefaultValue("true") boolean allowAnonymous,
            @DefaultValue("false") boolean checkSignature) {
    }

    @Override
    public String toString() {
        return "MiniAppProperties[botUsername=" + botUsername + ", testServer=" + testServer + ", miniApp=" + miniApp
                + "]"; // never the token
    }
}
