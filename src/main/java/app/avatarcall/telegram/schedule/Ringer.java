package app.avatarcall.telegram.schedule;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.telegram.MiniAppLinks;
import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.bot.BotApi;
import app.avatarcall.telegram.bot.BotApiException;
import app.avatarcall.telegram.bot.BotTexts;
import app.avatarcall.telegram.bot.BotUser;
import app.avatarcall.telegram.bot.BotUsers;
import app.avatarcall.telegram.bot.Buttons;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * Rings: sends "📞 Incoming video call" with an Answer button, and later turns an unanswered one into a missed call
 * with Call back. A Telegram that is busy or down makes the step throw, and db-scheduler tries it again later; a
 * person who blocked the bot, or a refusal that will not change, ends the ring without retries.
 */
@Component
@OnBot
class Ringer {

    /** What a due schedule led to: when it rings next, and which ring to check for an answer, when. */
    record Outcome(Optional<Instant> next, Optional<UUID> ringing, Optional<Instant> missedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(Ringer.class);

    private final CallSchedules schedules;
    private final Rings rings;
    private final BotUsers users;
    private final BotApi api;
    private final BotTexts texts;
    private final MiniAppLinks links;
    private final AvatarDirectory avatars;
    private final RingTokens tokens;
    private final ScheduleProperties properties;
    private final Clock clock;

    Ringer(CallSchedules schedules, Rings rings, BotUsers users, BotApi api, BotTexts texts, MiniAppLinks links,
           AvatarDirectory avatars, RingTokens tokens, ScheduleProperties properties, Clock clock) {
        this.schedules = schedules;
        this.rings = rings;
        this.users = users;
        this.api = api;
        this.texts = texts;
        this.links = links;
        this.avatars = avatars;
        this.tokens = tokens;
        this.properties = properties;
        this.clock = clock;
    }

    /** A schedule is due: it rings (at most once for this due time, across instances), and says when it is next. */
    Outcome ring(UUID scheduleId, Instant due) {
        Optional<CallSchedule> found = schedules.find(scheduleId);
        if (found.isEmpty() || found.get().cancelledAt() != null) {
            return new Outcome(Optional.empty(), Optional.empty(), Optional.empty());
        }
        CallSchedule schedule = found.get();
        Instant now = clock.instant();
        Optional<Instant> next = schedule.recurrence().next(schedule.start(), schedule.zone(), now.isAfter(due) ? now : due);
        Optional<UUID> ringing = rings.claim(scheduleId, due, schedule.telegramUserId())
                .flatMap(ringId -> send(schedule, ringId, now));
        schedules.setNext(scheduleId, next.orElse(null));
        return new Outcome(next, ringing, ringing.map(id -> now.plus(properties.answerWindow())));
    }

    private Optional<UUID> send(CallSchedule schedule, UUID ringId, Instant now) {
        Optional<BotUser> user = users.find(schedule.telegramUserId());
        if (user.isEmpty() || user.get().blocked()) {
            rings.end(ringId, Rings.Status.BLOCKED);
            log.info("scheduled call {} not rung: the person has blocked the bot", schedule.id());
            return Optional.empty();
        }
        Locale locale = user.get().locale();
        AvatarProfile avatar = avatars.find(schedule.avatarId()).orElseGet(avatars::defaultAvatar);
        Instant expiresAt = now.plus(properties.answerWindow());
        SendMessage message = SendMessage.builder().chatId(user.get().id())
                .text(texts.get(locale, "ring.text", avatar.persona(locale).name()))
                .replyMarkup(Buttons.webApp(texts.get(locale, "ring.answer"),
                        links.answerUrl(avatar, tokens.issue(ringId, expiresAt))))
                .build();
        Optional<Message> sent;
        try {
            sent = api.send(message);
        } catch (BotApiException e) {
            if (e.temporary()) {
                rings.end(ringId, Rings.Status.RETRY);
                throw e;
            }
            rings.end(ringId, Rings.Status.FAILED);
            log.warn("scheduled call {} could not ring: {}", schedule.id(), e.getMessage());
            return Optional.empty();
        }
        if (sent.isEmpty()) {
            rings.end(ringId, Rings.Status.BLOCKED);
            return Optional.empty();
        }
        rings.ringing(ringId, sent.get().getMessageId(), now, expiresAt);
        log.info("scheduled call {} is ringing (ring {})", schedule.id(), ringId);
        return Optional.of(ringId);
    }

    /** The answer window is over: an unanswered ring becomes a missed call with Call back. */
    void missed(UUID ringId) {
        Optional<Rings.Ring> ring = rings.find(ringId);
        if (ring.isEmpty() || !rings.miss(ringId)) {
            return; // answered, or already turned into a missed call
        }
        try {
            showMissed(ring.get());
        } catch (BotApiException e) {
            if (e.temporary()) {
                rings.unmiss(ringId);
                throw e;
            }
            log.warn("missed call {} could not be shown: {}", ringId, e.getMessage());
        }
    }

    private void showMissed(Rings.Ring ring) {
        Optional<BotUser> user = users.find(ring.telegramUserId());
        Optional<CallSchedule> schedule = schedules.find(ring.scheduleId());
        if (user.isEmpty() || schedule.isEmpty()) {
            return;
        }
        Locale locale = user.get().locale();
        AvatarProfile avatar = avatars.find(schedule.get().avatarId()).orElseGet(avatars::defaultAvatar);
        String text = texts.get(locale, "missed.text", avatar.persona(locale).name());
        var callBack = Buttons.webApp(texts.get(locale, "missed.callback"), links.callUrl(avatar));
        boolean edited = ring.messageId() != null && api.edit(EditMessageText.builder().chatId(user.get().id())
                .messageId(ring.messageId()).text(text).replyMarkup(callBack).build());
        if (!edited && !users.find(user.get().id()).map(BotUser::blocked).orElse(true)) {
            api.send(SendMessage.builder().chatId(user.get().id()).text(text).replyMarkup(callBack).build());
        }
    }
}
