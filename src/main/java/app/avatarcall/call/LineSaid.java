package app.avatarcall.call;

import java.time.Instant;
import java.util.UUID;

/**
 * A line of a call's chat is complete: what the person said, or what the avatar said of a reply (to its end, or up
 * to where it was cut off). Published for whoever keeps transcripts; nothing in {@code call} keeps the text.
 *
 * @param person whose call it is ({@code tg:<id>} for a Telegram user)
 */
public record LineSaid(UUID callId, String person, Instant at, ChatMessage.Author who, String text) {
}
