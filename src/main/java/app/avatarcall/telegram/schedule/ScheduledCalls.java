package app.avatarcall.telegram.schedule;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.bot.BotUser;
import app.avatarcall.telegram.bot.BotUsers;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Calls the bot places: the operator's API (schedule, list, cancel; the admin console and the REST endpoint use it)
 * and the Mini App's ({@link #redeem}).
 */
@Service
@OnBot
public class ScheduledCalls {

    private static final Logger log = LoggerFactory.getLogger(ScheduledCalls.class);
    private static final int MAX_OPENING = 1000;

    private final CallSchedules schedules;
    private final Rings rings;
    private final BotUsers users;
    private final AvatarDirectory avatars;
    private final RingTokens tokens;
    private final CallScheduler scheduler;
    private final ScheduleProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ScheduledCalls(CallSchedules schedules, Rings rings, BotUsers users, AvatarDirectory avatars, RingTokens tokens,
                   CallScheduler scheduler, ScheduleProperties properties, TransactionTemplate transaction, Clock clock) {
        this.schedules = schedules;
        this.rings = rings;
        this.users = users;
        this.avatars = avatars;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Schedules a call to someone who started the bot. The schedule and its first execution are written in one
     * transaction: both are kept, or neither.
     *
     * @throws ScheduleRefused when the person never started the bot or blocked it, the avatar is unknown, the opening
     *                         is too long, or the (first) time has passed
     */
    public CallSchedule schedule(CallPlan plan) {
        BotUser user = users.find(plan.telegramUserId()).filter(BotUser::started).orElseThrow(() -> new ScheduleRefused(
                ScheduleRefused.Reason.NOT_STARTED, "Telegram user " + plan.telegramUserId() + " has not started the bot"));
        if (user.blocked()) {
            throw new ScheduleRefused(ScheduleRefused.Reason.BLOCKED, "Telegram user " + user.id() + " has blocked the bot");
        }
        if (avatars.find(plan.avatarId()).isEmpty()) {
            throw new ScheduleRefused(ScheduleRefused.Reason.UNKNOWN_AVATAR, "There is no avatar " + plan.avatarId());
        }
        String opening = plan.opening().strip();
        if (opening.length() > MAX_OPENING) {
            throw new ScheduleRefused(ScheduleRefused.Reason.OPENING_TOO_LONG,
                    "What the avatar says first is " + opening.length() + " characters; at most " + MAX_OPENING);
        }
        ZoneId zone = plan.zone() != null ? plan.zone() : user.zone().orElse(properties.defaultZone());
        Instant first = Recurrence.first(plan.at(), zone);
        Instant now = clock.instant();
        if (!first.isAfter(now)) {
            throw new ScheduleRefused(ScheduleRefused.Reason.IN_THE_PAST, plan.at() + " in " + zone + " has passed");
        }
        CallSchedule schedule = new CallSchedule(UUID.randomUUID(), user.id(), plan.avatarId(), plan.mode(), opening,
                plan.recurrence(), plan.at(), zone, first, now, null);
        transaction.executeWithoutResult(status -> {
            schedules.insert(schedule);
            scheduler.client().schedule(CallScheduler.RING.instance(schedule.id().toString()).scheduledTo(first));
        });
        log.info("scheduled call {}: {} at {} ({})", schedule.id(), plan.recurrence(), plan.at(), zone);
        return schedule;
    }

    /** A person's scheduled calls, newest first, cancelled ones included. */
    public List<CallSchedule> of(long telegramUserId) {
        return schedules.ofPerson(telegramUserId);
    }

    /** The calls that ring next. */
    public List<CallSchedule> upcoming(int limit) {
        return schedules.upcoming(limit);
    }

    public Optional<CallSchedule> find(UUID id) {
        return schedules.find(id);
    }

    /** Cancels a schedule; a ring already sent keeps ringing until answered or missed. False if it was not active. */
    public boolean cancel(UUID id) {
        if (!schedules.cancel(id, clock.instant())) {
            return false;
        }
        TaskInstanceId task = CallScheduler.RING.instanceId(id.toString());
        try {
            scheduler.client().cancel(task);
        } catch (RuntimeException runningOrGone) {
            // ringing right now, or already done: the ring task sees the cancellation and stops there
        }
        return true;
    }

    /**
     * The Mini App answers a call the bot placed. The token comes from the Answer button's URL
     * ({@code ?ring=<token>}, see {@link app.avatarcall.telegram.MiniAppLinks#answerUrl}) or a {@code ring-<token>}
     * start parameter; {@code telegramUserId} must come from initData the server has validated. Returns what to ring,
     * once: a forged, expired, already answered or missed ring, or one meant for someone else, finds nothing (and
     * someone else's token is not used up by trying).
     */
    public Optional<ScheduledRing> redeem(String token, long telegramUserId) {
        Optional<UUID> ringId = tokens.verify(token);
        if (ringId.isEmpty() || !rings.answer(ringId.get(), telegramUserId, clock.instant())) {
            return Optional.empty();
        }
        Rings.Ring ring = rings.find(ringId.get()).orElseThrow();
        CallSchedule schedule = schedules.find(ring.scheduleId()).orElseThrow();
        BotUser user = users.find(telegramUserId).orElseThrow();
        log.info("scheduled call {} answered (ring {})", schedule.id(), ring.id());
        return Optional.of(new ScheduledRing(ring.id(), schedule.id(), telegramUserId, schedule.avatarId(),
                user.locale(), schedule.mode(), schedule.opening()));
    }
}
