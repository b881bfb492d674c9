package app.avatarcall.telegram.bot;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * How one Bot API call went, for the health check.
 *
 * @param method    the Bot API method ({@code sendMessage}, {@code getMe}, …)
 * @param at        when it came back
 * @param healthy   whether Telegram answered and took the bot's token (a refusal about one chat, such as a person
 *                  who blocked the bot, still is a healthy API; no answer, 401, 404 or 5xx is not)
 * @param error     what went wrong, without the bot token; null when healthy
 */
public record BotApiOutcome(String method, Instant at, boolean healthy, @Nullable String error) {
}
