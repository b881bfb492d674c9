package app.avatarcall.telegram.miniapp;

import app.avatarcall.telegram.MiniAppLinks;
import app.avatarcall.telegram.schedule.ScheduledCalls;
import app.avatarcall.telegram.schedule.ScheduledRing;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The Answer button of a call the bot placed opens the Mini App with a ring token ({@code ?ring=…}, or a
 * {@code ring-…} start parameter): for the verified person it was meant for, it names what to ring (avatar,
 * language, mode, what to say first) and marks the call answered, once. Without a bot there is nothing to answer.
 */
@Service
public class ScheduledAnswers {

    private final MiniAppLinks links;
    private final ObjectProvider<ScheduledCalls> scheduledCalls;

    ScheduledAnswers(MiniAppLinks links, ObjectProvider<ScheduledCalls> scheduledCalls) {
        this.links = links;
        this.scheduledCalls = scheduledCalls;
    }

    /** The scheduled call {@code user} answers, if the token is theirs, valid, and not used yet. */
    public Optional<ScheduledRing> answer(TelegramUser user, @Nullable String ringQuery) {
        String token = ringQuery != null && !ringQuery.isBlank() ? ringQuery
                : links.parse(user.startParam()) instanceof MiniAppLinks.StartParam.Ring ring ? ring.token() : null;
        ScheduledCalls calls = scheduledCalls.getIfAvailable();
        if (token == null || calls == null) {
            return Optional.empty();
        }
        return calls.redeem(token, user.id());
    }
}
