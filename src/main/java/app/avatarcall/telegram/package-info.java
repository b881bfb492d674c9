/**
 * Telegram: the bot people start, and the calls it places.
 * <p>
 * Everything here is on only when {@code TELEGRAM_BOT_TOKEN} is set ({@link app.avatarcall.telegram.OnBot}); without
 * it the app is a plain web app. {@link app.avatarcall.telegram.MiniAppLinks} is the one place that knows how the
 * Mini App is addressed (URLs, {@code startapp} parameters). Sub-packages: {@code bot} (updates, commands, people who
 * started the bot, the Bot API client with its retries), {@code schedule} (calls the bot places, on db-scheduler),
 * {@code alert} (messages to the operators' admin chats) and {@code fake} (an in-process Bot API for tests and local
 * runs, profile {@code fake-telegram}). The bot token never leaves the server and is never logged.
 */
@NullMarked
package app.avatarcall.telegram;

import org.jspecify.annotations.NullMarked;
