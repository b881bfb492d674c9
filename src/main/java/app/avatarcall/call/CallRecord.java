package app.avatarcall.call;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What is kept of a call once it is over: times, outcome and counts, never what was said.
 *
 * @param person  whose call it was ({@code tg:<id>} for a Telegram user, a browser session's key otherwise)
 * @param figures what analytics needs: provider time billed, message kinds, reply times, pre-warm, errors
 */
public record CallRecord(
        UUID id,
        String avatarId,
        String language,
        String provider,
        Instant ringingAt,
        @Nullable Instant answeredAt,
        @Nullable Instant activeAt,
        @Nullable Instant endedAt,
        CallState outcome,
        @Nullable EndReason endReason,
        int personMessages,
        int avatarMessages,
        String person,
        CallFigures figures) {

    /** A record without figures: one kept before they were measured. */
    public CallRecord(UUID id, String avatarId, String language, String provider, Instant ringingAt,
                      @Nullable Instant answeredAt, @Nullable Instant activeAt, @Nullable Instant endedAt,
                      CallState outcome, @Nullable EndReason endReason, int personMessages, int avatarMessages,
                      String person) {
        this(id, avatarId, language, provider, ringingAt, answeredAt, activeAt, endedAt, outcome, endReason,
                personMessages, avatarMessages, person, CallFigures.NONE);
    }
}
