package app.avatarcall.telegram.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.avatarcall.conversation.ChatMode;
import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import app.avatarcall.telegram.fake.FakeTelegram.Request;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.UriComponentsBuilder;

/** Calls the bot places, in one running app: ringing, answering, missing, refusing, retrying. */
@BotTest
class ScheduledCallsTest {

    private static final AtomicLong PEOPLE = new AtomicLong(9000);
    static final String RING = "📞 Incoming video call from ";

    @Autowired
    ScheduledCalls calls;
    @Autowired
    FakeTelegram telegram;
    @Autowired
    TestClock clock;
    @Autowired
    Rings rings;

    private final long person = PEOPLE.incrementAndGet();

    private void started(long who) {
        telegram.userSends(who, "Alex", "en", "/start");
        await().atMost(Duration.ofSeconds(10)).until(() -> !telegram.messagesTo(who).isEmpty());
    }

    private LocalDateTime inUtc(Duration fromNow) {
        return LocalDateTime.ofInstant(clock.instant().plus(fromNow), ZoneOffset.UTC);
    }

    private CallPlan plan(long who, Duration fromNow) {
        return new CallPlan(who, "max", ChatMode.REPEAT, "Your appointment is tomorrow at ten.", inUtc(fromNow),
                ZoneOffset.UTC, Recurrence.ONCE);
    }

    private List<Request> rings(long who) {
        return telegram.messagesTo(who).stream().filter(m -> m.text().startsWith(RING)).toList();
    }

    static String token(Request ring) {
        return UriComponentsBuilder.fromUriString(ring.webAppUrls().getFirst()).build().getQueryParams().getFirst("ring");
    }

    @Test
    void a_call_rings_at_its_time_with_an_answer_button_that_opens_the_mini_app_ringing() {
        started(person);
        CallSchedule schedule = calls.schedule(plan(person, Duration.ofMinutes(10)));

        clock.advance(Duration.ofMinutes(9));
        await().during(Duration.ofMillis(400)).until(() -> rings(person).isEmpty());

        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(person).size() == 1);
        Request ring = rings(person).getFirst();
        assertThat(ring.text()).isEqualTo(RING + "Max");
        assertThat(ring.buttons().getFirst().get("text")).isEqualTo("📞 Answer");
        assertThat(ring.webAppUrls().getFirst()).startsWith("https://call.example.test/call/max?ring=");

        ScheduledRing answered = calls.redeem(token(ring), person).orElseThrow();
        assertThat(answered.scheduleId()).isEqualTo(schedule.id());
        assertThat(answered.avatarId()).isEqualTo("max");
        assertThat(answered.mode()).isEqualTo(ChatMode.REPEAT);
        assertThat(answered.opening()).isEqualTo("Your appointment is tomorrow at ten.");
        assertThat(answered.language().getLanguage()).isEqualTo("en");
        assertThat(calls.redeem(token(ring), person)).as("single use").isEmpty();
        assertThat(calls.find(schedule.id()).orElseThrow().active()).as("a one-off call is done").isFalse();

        clock.advance(Duration.ofMinutes(6)); // past the answer window: an answered call is not missed
        await().during(Duration.ofMillis(400)).until(() -> telegram.requests("editMessageText").stream()
                .noneMatch(edit -> edit.chatId() == person));
    }

    @Test
    void a_token_is_only_good_for_its_person_in_time_and_never_forged() {
        started(person);
        calls.schedule(plan(person, Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(person).size() == 1);
        String token = token(rings(person).getFirst());

        assertThat(calls.redeem(token, person + 1)).as("someone else's").isEmpty();
        char last = token.charAt(token.length() - 2);
        String forged = token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);
        assertThat(calls.redeem(forged, person)).as("tampered").isEmpty();
        assertThat(calls.redeem("not-a-token", person)).isEmpty();
        assertThat(calls.redeem(token, person)).as("still good for its person").isPresent();
    }

    @Test
    void an_unanswered_call_becomes_a_missed_call_with_call_back_and_the_answer_button_stops_working() {
        started(person);
        calls.schedule(plan(person, Duration.ofMinutes(1)));
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(person).size() == 1);
        String token = token(rings(person).getFirst());

        clock.advance(Duration.ofMinutes(5));
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.requests("editMessageText").stream()
                .anyMatch(edit -> edit.chatId() == person));

        Request edit = telegram.requests("editMessageText").stream().filter(e -> e.chatId() == person).findFirst().orElseThrow();
        Map<String, Object> message = telegram.message(person, ((Number) edit.param("message_id")).intValue());
        assertThat(message).containsEntry("text", "📵 Missed video call from Max");
        assertThat(edit.buttons().getFirst().get("text")).isEqualTo("📞 Call back");
        assertThat(edit.webAppUrls()).containsExactly("https://call.example.test/call/max");
        assertThat(calls.redeem(token, person)).as("too late").isEmpty();
    }

    @Test
    void a_call_that_cannot_be_placed_is_refused_with_the_reason() {
        assertThatThrownBy(() -> calls.schedule(plan(person, Duration.ofMinutes(5))))
                .isInstanceOf(ScheduleRefused.class).hasMessageContaining("has not started the bot");
        started(person);
        assertThatThrownBy(() -> calls.schedule(plan(person, Duration.ofMinutes(-1))))
                .isInstanceOf(ScheduleRefused.class).hasMessageContaining("has passed");
        assertThatThrownBy(() -> calls.schedule(new CallPlan(person, "nobody", ChatMode.TALK, "", inUtc(Duration.ofHours(1)),
                null, Recurrence.DAILY))).isInstanceOf(ScheduleRefused.class).hasMessageContaining("no avatar nobody");
        assertThatThrownBy(() -> calls.schedule(new CallPlan(person, "ava", ChatMode.TALK, "x".repeat(1001),
                inUtc(Duration.ofHours(1)), null, Recurrence.ONCE)))
                .extracting(e -> ((ScheduleRefused) e).reason()).isEqualTo(ScheduleRefused.Reason.OPENING_TOO_LONG);
        assertThat(calls.of(person)).isEmpty();
    }

    @Test
    void a_cancelled_call_never_rings_and_a_person_who_blocked_the_bot_is_not_rung() {
        long other = PEOPLE.incrementAndGet();
        started(person);
        started(other);
        CallSchedule cancelled = calls.schedule(plan(person, Duration.ofMinutes(2)));
        calls.schedule(plan(other, Duration.ofMinutes(2)));
        telegram.userBlocks(other, "Alex");
        await().atMost(Duration.ofSeconds(10)).until(() -> calls.find(cancelled.id()).isPresent()
                && telegramUserBlocked(other));

        assertThat(calls.cancel(cancelled.id())).isTrue();
        assertThat(calls.cancel(cancelled.id())).isFalse();
        clock.advance(Duration.ofMinutes(2));

        await().during(Duration.ofMillis(500)).until(() -> rings(person).isEmpty() && rings(other).isEmpty());
        assertThat(calls.of(person)).singleElement().satisfies(s -> assertThat(s.active()).isFalse());
    }

    @Autowired
    app.avatarcall.telegram.bot.BotUsers users;

    private boolean telegramUserBlocked(long who) {
        return users.find(who).map(app.avatarcall.telegram.bot.BotUser::blocked).orElse(false);
    }

    @Test
    void when_telegram_is_down_at_the_time_the_call_is_tried_again_and_rings_once() {
        started(person);
        CallSchedule schedule = calls.schedule(plan(person, Duration.ofMinutes(1)));
        for (int i = 0; i < 4; i++) { // the first try and its three retries
            telegram.failNext("sendMessage", 502, "Bad Gateway", null);
        }
        clock.advance(Duration.ofMinutes(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(person).stream()
                .filter(m -> m.text().startsWith(RING)).count() == 4);
        await().atMost(Duration.ofSeconds(10)).until(() -> rings.ofSchedule(schedule.id()).stream()
                .map(Rings.Ring::status).toList().equals(List.of(Rings.Status.RETRY)));

        clock.advance(Duration.ofMinutes(1)); // db-scheduler's retry
        await().atMost(Duration.ofSeconds(10)).until(() -> rings.ofSchedule(schedule.id()).stream()
                .anyMatch(r -> r.status() == Rings.Status.RINGING));
        assertThat(rings(person)).hasSize(5);
        await().during(Duration.ofMillis(500)).until(() -> rings(person).size() == 5);
    }

    @Test
    void a_daily_call_rings_every_day_in_the_persons_time_zone_until_cancelled() {
        started(person);
        ZoneId moscow = ZoneId.of("Europe/Moscow"); // UTC+3 all year
        LocalDateTime inHalfAnHour = LocalDateTime.ofInstant(clock.instant(), moscow).plusMinutes(30)
                .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        java.time.Instant first = inHalfAnHour.atZone(moscow).toInstant();
        CallSchedule daily = calls.schedule(new CallPlan(person, "ava", ChatMode.TALK, "Ask how the exercises went.",
                inHalfAnHour, moscow, Recurrence.DAILY));
        assertThat(daily.nextAt()).isEqualTo(first);

        clock.advance(Duration.between(clock.instant(), first));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(person).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.plus(Duration.ofDays(1))
                .equals(calls.find(daily.id()).orElseThrow().nextAt()));

        clock.advance(Duration.ofDays(1));
        await().atMost(Duration.ofSeconds(10)).until(() -> rings(person).size() == 2);
        calls.cancel(daily.id());
        clock.advance(Duration.ofDays(1));
        await().during(Duration.ofMillis(500)).until(() -> rings(person).size() == 2);
    }
}
