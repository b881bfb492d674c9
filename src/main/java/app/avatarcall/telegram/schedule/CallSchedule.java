package app.avatarcall.telegram.schedule;

import app.avatarcall.conversation.ChatMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A call the bot will place, as kept.
 *
 * @param start       the first time, on the person's wall clock in {@code zone}
 * @param nextAt      when it rings next; none once a one-off call has rung or a schedule was cancelled
 * @param cancelledAt when an operator cancelled it
 */
public record CallSchedule(UUID id, long telegramUserId, String avatarId, ChatMode mode, String opening,
                           Recurrence recurrence, LocalDateTime start, ZoneId zone, @Nullable Instant nextAt,
                           Instant createdAt, @Nullable Instant cancelledAt) {

    public boolean active() {
        return cancelledAt == null && nextAt != null;
    }
}
