/**
 * The bot: updates by long polling or webhook (secret checked, {@code update_id} handled once across instances),
 * the commands people send, the people who started it, and a Bot API client that honours 429's {@code retry_after},
 * backs off on 5xx and marks people who blocked the bot.
 */
@NullMarked
package app.avatarcall.telegram.bot;

import org.jspecify.annotations.NullMarked;
