package app.avatarcall.telegram.schedule;

import app.avatarcall.conversation.ChatMode;
import java.util.Locale;
import java.util.UUID;

/**
 * What the Mini App rings when someone answers a call the bot placed.
 *
 * @param ringId         this ring (one due time of a schedule)
 * @param telegramUserId who was called; the page rings only for them
 * @param avatarId       which avatar calls
 * @param language       the person's language
 * @param mode           Repeat or Talk
 * @param opening        what the avatar says first (Repeat) or aims for (Talk); empty: its own greeting
 */
public record ScheduledRing(UUID ringId, UUID scheduleId, long telegramUserId, String avatarId, Locale language,
                            ChatMode mode, String opening) {
}
