package app.avatarcall.telegram.schedule;

import app.avatarcall.conversation.ChatMode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A call an operator wants the bot to place.
 *
 * @param telegramUserId who to ring: someone who started the bot
 * @param avatarId       which avatar calls
 * @param mode           Repeat: the avatar says {@code opening} word for word; Talk: {@code opening} is the goal of
 *                       the conversation
 * @param opening        what the avatar should say first (Repeat) or aim for (Talk); up to 1000 characters, empty
 *                       for the avatar's own greeting
 * @param at             the (first) time on the person's wall clock
 * @param zone           their time zone; none: the one set for them, else {@code telegram.schedule.default-zone}
 * @param recurrence     once, daily or weekly
 */
public record CallPlan(long telegramUserId, String avatarId, ChatMode mode, String opening, LocalDateTime at,
                       @Nullable ZoneId zone, Recurrence recurrence) {
}
