package app.avatarcall.telegram;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's settings. The token comes from the environment and has no default; without it there is no bot.
 *
 * @param botToken      from @BotFather ({@code TELEGRAM_BOT_TOKEN}); server side only, never logged
 * @param botUsername   the bot's @username for {@code t.me} links ({@code TELEGRAM_BOT_USERNAME}); asked of Telegram
 *                      ({@code getMe}) when not set
 * @param apiUrl        the Bot API ({@code TELEGRAM_API_URL}); scheme, host and port only, as Telegram's client takes it
 * @param testServer    Telegram's test environment ({@code /bot<token>/test/<method>}; HTTP Mini Apps allowed there)
 * @param webappUrl     where the Mini App is served, HTTPS ({@code TELEGRAM_WEBAPP_URL}, else {@code APP_PUBLIC_URL})
 * @param webhookUrl    set: updates come to {@code POST /telegram/webhook} at this public address (for several
 *                      instances); not set: long polling ({@code TELEGRAM_WEBHOOK_URL})
 * @param webhookSecret what Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token} (1–256 of {@code A-Za-z0-9_-});
 *                      derived from the bot token when not set, so every instance agrees
 * @param polling       without a webhook, whether this instance polls for updates: only one instance may
 *                      ({@code TELEGRAM_POLLING=false} makes an instance that only sends, e.g. scheduled calls)
 * @param pollTimeout   how long one {@code getUpdates} waits for news
 * @param retries       how often a Bot API call is tried again after a 5xx or a network failure
 * @param retryBackoff  the first wait before such a retry; it doubles each time
 * @param maxRetryAfter a 429 asking to wait longer than this fails the call (a scheduled call is then tried later)
 * @param floodMessages how many messages one person may send within {@code floodPer}; more are dropped after one
 *                      polite reply
 * @param floodPer      the flood window
 * @param maxUpdateSize a webhook body larger than this is refused unread
 * @param adminIds      people the bot offers the admin console to ({@code /admin}; {@code TELEGRAM_ADMIN_IDS}, the
 *                      same list the console lets in)
 */
@Validated
@ConfigurationProperties("telegram")
public record TelegramProperties(
        @Nullable String botToken,
        @Nullable String botUsername,
        @NotNull @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("false") boolean testServer,
        @Nullable String webappUrl,
        @Nullable String webhookUrl,
        @Nullable String webhookSecret,
        @DefaultValue("true") boolean polling,
        @NotNull @DefaultValue("50s") Duration pollTimeout,
        @Min(0) @DefaultValue("3") int retries,
        @NotNull @DefaultValue("500ms") Duration retryBackoff,
        @NotNull @DefaultValue("60s") Duration maxRetryAfter,
        @Min(1) @DefaultValue("20") int floodMessages,
        @NotNull @DefaultValue("1m") Duration floodPer,
        @NotNull @DefaultValue("1MB") DataSize maxUpdateSize,
        @NotNull @DefaultValue Set<Long> adminIds) {

    public String token() {
        if (botToken == null || botToken.isBlank()) {
            throw new IllegalStateException("TELEGRAM_BOT_TOKEN is not set");
        }
        return botToken.strip();
    }

    public boolean webhook() {
        return webhookUrl != null && !webhookUrl.isBlank();
    }

    @Override
    public String toString() {
        return "TelegramProperties[apiUrl=" + apiUrl + ", webappUrl=" + webappUrl + ", webhookUrl=" + webhookUrl
                + ", polling=" + polling + "]"; // never the token or the webhook secret
    }
}
