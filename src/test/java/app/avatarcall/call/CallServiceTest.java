package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Responder;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@AppTest
@RecordApplicationEvents
class CallServiceTest {

    @Autowired
    ApplicationEvents published;

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;
    @Autowired
    CallRecords records;
    @Autowired
    Responder responder;

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void reset() {
        provider.refuse = false;
        provider.busy = false;
        provider.whileOpening = () -> { };
    }

    private Call ring() {
        return ring(UUID.randomUUID().toString());
    }

    private Call ring(String person) {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, person);
        call.subscribe(events::add);
        return call;
    }

    private Call live() {
        Call call = ring();
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking(); // the greeting
        return call;
    }

    @Test
    void accepting_opens_an_avatar_session_and_the_call_goes_live_with_a_greeting() {
        Call call = ring();
        calls.accept(call);
        assertThat(call.state()).isEqualTo(CallState.CONNECTING);
        assertThat(events).contains(new CallEvent.AvatarReady(provider.last().stage()));

        calls.report(call, new StageReport.Ready());

        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
        assertThat(provider.last().spoken).containsExactly(call.persona().greeting());
    }

    @Test
    void a_call_that_turns_out_to_be_for_a_known_person_greets_them_by_name_on_its_prewarmed_session() {
        Call call = ring();
        int sessions = provider.opened.size();

        calls.identify(call, "tg:42", "Bob");
        calls.accept(call);
        calls.report(call, new StageReport.Ready());

        assertThat(provider.opened).hasSize(sessions);
        assertThat(call.person()).isEqualTo("tg:42");
        assertThat(provider.last().spoken).containsExactly("Hi, Bob! I'm Ava, the Avatar Call assistant. Ask me anything "
                + "about the product, or switch to Repeat and I will say what you type.");
    }

    @Test
    void a_double_tap_on_accept_makes_one_call_with_one_session() {
        int before = provider.opened.size();
        Call call = ring();
        calls.accept(call);
        calls.accept(call);
        assertThat(provider.opened).hasSize(before + 1);
    }

    @Test
    void the_avatar_is_prewarmed_while_the_phone_rings_so_answering_goes_live_at_once() {
        Call call = ring();
        assertThat(events).contains(new CallEvent.AvatarReady(provider.last().stage()));
        calls.report(call, new StageReport.Ready());
        assertThat(call.state()).isEqualTo(CallState.RINGING);

        calls.accept(call);

        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
        assertThat(provider.last().spoken).containsExactly(call.persona().greeting());
    }

    @Test
    void declining_or_missing_a_call_closes_its_prewarmed_session_at_once() {
        Call declined = ring();
        FakeAvatarProvider.Session first = provider.last();
        calls.decline(declined);

        Call missed = ring();
        clock.advance(Duration.ofSeconds(30));
        calls.sweep();

        assertThat(first.isClosed()).isTrue();
        assertThat(provider.last().isClosed()).isTrue();
        assertThat(missed.state()).isEqualTo(CallState.MISSED);
    }

    @Test
    void a_prewarmed_avatar_lost_while_ringing_is_opened_again_on_answer() {
        Call call = ring();
        FakeAvatarProvider.Session lost = provider.last();
        lost.emit(new AvatarEvent.SessionStopped("IDLE_TIMEOUT"));
        assertThat(lost.isClosed()).isTrue();
        assertThat(call.state()).isEqualTo(CallState.RINGING);

        calls.accept(call);
        calls.report(call, new StageReport.Ready());

        assertThat(provider.last()).isNotSameAs(lost);
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void a_newer_call_to_the_same_person_takes_over_the_prewarmed_session() {
        Call older = ring("ann");
        FakeAvatarProvider.Session olderSession = provider.last();

        Call newer = ring("ann");

        assertThat(olderSession.isClosed()).isTrue();
        assertThat(provider.last()).isNotSameAs(olderSession);
        assertThat(provider.last().isClosed()).isFalse();
        assertThat(older.state()).isEqualTo(CallState.RINGING); // still rings; answering it opens a session then
        calls.accept(older);
        calls.report(older, new StageReport.Ready());
        assertThat(older.state()).isEqualTo(CallState.ACTIVE);
        assertThat(newer.session()).isPresent();
    }

    @Test
    void calls_to_different_people_each_keep_their_prewarmed_session() {
        ring("ann");
        FakeAvatarProvider.Session anns = provider.last();
        ring("bob");
        assertThat(anns.isClosed()).isFalse();
        assertThat(provider.last().isClosed()).isFalse();
    }

    @Test
    void a_prewarm_released_while_its_session_opens_closes_that_session_when_it_arrives() {
        int before = provider.opened.size();
        provider.whileOpening = () -> {
            provider.whileOpening = () -> { };
            ring("cat"); // the newer call releases the older one's pre-warm while it is still opening
        };
        Call older = ring("cat");

        assertThat(provider.opened).hasSize(before + 2);
        FakeAvatarProvider.Session released = provider.opened.get(before); // began first, arrived last
        FakeAvatarProvider.Session newer = provider.opened.get(before + 1);
        assertThat(released.isClosed()).isTrue();
        assertThat(newer.isClosed()).isFalse();
        assertThat(older.session()).isEmpty();
    }

    @Test
    void two_tabs_make_two_calls() {
        Call first = ring();
        Call second = ring();
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(calls.find(first.id())).isPresent();
        assertThat(calls.find(second.id())).isPresent();
    }

    @Test
    void a_call_nobody_answers_for_thirty_seconds_is_missed() {
        Call call = ring();
        clock.advance(Duration.ofSeconds(29));
        calls.sweep();
        assertThat(call.state()).isEqualTo(CallState.RINGING);

        clock.advance(Duration.ofSeconds(1));
        calls.sweep();

        assertThat(call.state()).isEqualTo(CallState.MISSED);
        assertThat(records.find(call.id())).get().extracting(CallRecord::outcome).isEqualTo(CallState.MISSED);
    }

    @Test
    void an_idle_call_is_warned_then_ended_and_any_activity_clears_the_warning() {
        Call call = live();
        clock.advance(Duration.ofSeconds(150));
        calls.sweep();
        assertThat(events).contains(new CallEvent.IdleWarned(Duration.ofSeconds(30)));

        calls.stillHere(call);
        assertThat(events).contains(new CallEvent.IdleWarningCleared());
        clock.advance(Duration.ofSeconds(60));
        calls.sweep();
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);

        clock.advance(Duration.ofSeconds(180));
        calls.sweep();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.endReason()).contains(EndReason.IDLE);
        assertThat(provider.last().isClosed()).isTrue();
    }

    @Test
    void a_call_never_lasts_longer_than_the_maximum() {
        Call call = live();
        for (int minute = 0; minute < 30; minute++) {
            clock.advance(Duration.ofMinutes(1));
            calls.stillHere(call);
            calls.sweep();
        }
        assertThat(call.endReason()).contains(EndReason.MAX_DURATION);
    }

    @Test
    void a_live_call_keeps_its_avatar_session_alive_every_two_minutes() {
        Call call = live();
        clock.advance(Duration.ofSeconds(119));
        calls.stillHere(call);
        calls.sweep();
        assertThat(provider.last().keepAlives).isZero();

        clock.advance(Duration.ofSeconds(1));
        calls.sweep();
        clock.advance(Duration.ofSeconds(60));
        calls.stillHere(call);
        calls.sweep();

        assertThat(provider.last().keepAlives).isEqualTo(1);
    }

    @Test
    void repeat_mode_says_the_text_word_for_word() {
        Call call = live();
        calls.setMode(call, ChatMode.REPEAT);

        assertThat(calls.send(call, "  Say   exactly this\n")).isEqualTo(new SendResult.Sent());

        assertThat(provider.last().spoken).last().isEqualTo("Say   exactly this");
        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(CallEvent.MessageShown.class,
                shown -> assertThat(shown.message().author()).isEqualTo(ChatMessage.Author.PERSON)));
    }

    @Test
    void without_a_language_model_talk_mode_answers_from_the_knowledge_base_sentence_by_sentence_with_an_emotion() {
        assertThat(responder).isInstanceOf(KnowledgeBaseResponder.class); // no LLM_BASE_URL, no LLM_MODEL
        Call call = live();

        calls.send(call, "Tell me a joke");

        assertThat(provider.last().spoken).endsWith("Why did the avatar blush?", "Because it saw the camera's raw footage!");
        assertThat(provider.last().emotions).last().isEqualTo(Emotion.HAPPY);
    }

    @Test
    void a_message_while_the_avatar_speaks_interrupts_it() {
        Call call = live();
        calls.send(call, "What is Avatar Call?");
        provider.last().emit(new AvatarEvent.SpeakingStarted("u2"));

        calls.send(call, "Thanks");

        assertThat(provider.last().interrupts).isEqualTo(1);
    }

    @Test
    void an_interrupted_line_keeps_what_was_said_and_shows_it_was_cut() {
        Call call = live();
        calls.send(call, "What is Avatar Call?");
        provider.last().emit(new AvatarEvent.SpeakingStarted("u2"));
        provider.last().emit(new AvatarEvent.CaptionUpdated("u2", "Avatar Call lets you"));
        provider.last().emit(new AvatarEvent.SpeakingEnded("u2", true));

        assertThat(avatarLines()).last().isEqualTo(new ChatMessage(avatarLines().getLast().id(),
                ChatMessage.Author.AVATAR, "Avatar Call lets you …", true));
        assertThat(call.isSpeaking()).isFalse();
    }

    private List<ChatMessage> avatarLines() {
        return events.stream().filter(CallEvent.MessageShown.class::isInstance)
                .map(event -> ((CallEvent.MessageShown) event).message())
                .filter(message -> message.author() == ChatMessage.Author.AVATAR)
                .toList();
    }

    @Test
    void empty_too_long_and_untimely_messages_are_refused_and_nothing_is_said() {
        Call ringing = ring();
        assertThat(calls.send(ringing, "hello")).isEqualTo(new SendResult.NotInCall());

        Call call = live();
        int said = provider.last().spoken.size();
        assertThat(calls.send(call, " \t\n ")).isEqualTo(new SendResult.Empty());
        assertThat(calls.send(call, "x".repeat(1001))).isEqualTo(new SendResult.TooLong(1001, 1000));
        assertThat(provider.last().spoken).hasSize(said);
    }

    @Test
    void a_provider_that_refuses_fails_the_call_with_a_record() {
        provider.refuse = true;
        Call call = ring();
        calls.accept(call);

        assertThat(call.state()).isEqualTo(CallState.FAILED);
        assertThat(records.find(call.id())).get().extracting(CallRecord::endReason).isEqualTo(EndReason.PROVIDER_FAILED);
        assertThat(published.stream(CallEnded.class).filter(ended -> ended.callId().equals(call.id())))
                .singleElement().satisfies(ended -> {
                    assertThat(ended.outcome()).isEqualTo(CallState.FAILED);
                    assertThat(ended.reason()).isEqualTo(EndReason.PROVIDER_FAILED);
                    assertThat(ended.avatarId()).isEqualTo("ava");
                });
    }

    @Test
    void when_every_line_is_busy_the_call_says_so_and_tries_again_by_itself() {
        provider.busy = true;
        Call call = ring();
        calls.accept(call);
        assertThat(events).contains(new CallEvent.LinesBusy(Duration.ofSeconds(10)));
        assertThat(call.state()).isEqualTo(CallState.CONNECTING);

        provider.busy = false;
        clock.advance(Duration.ofSeconds(10));
        calls.sweep();
        calls.report(call, new StageReport.Ready());

        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void when_the_lines_stay_busy_the_call_gives_up_after_a_minute() {
        provider.busy = true;
        Call call = ring();
        calls.accept(call);
        for (int tries = 0; tries < 6; tries++) {
            clock.advance(Duration.ofSeconds(10));
            calls.sweep();
        }

        assertThat(call.state()).isEqualTo(CallState.FAILED);
        assertThat(call.endReason()).contains(EndReason.LINES_BUSY);
    }

    @Test
    void a_provider_that_stops_the_session_ends_the_call() {
        Call call = live();
        provider.last().emit(new AvatarEvent.SessionStopped("IDLE_TIMEOUT"));
        assertThat(call.endReason()).contains(EndReason.PROVIDER_STOPPED);
    }

    @Test
    void every_way_a_call_ends_closes_its_avatar_session() {
        Call hungUp = live();
        calls.hangUp(hungUp, EndReason.HUNG_UP);
        FakeAvatarProvider.Session first = provider.last();

        Call cancelled = ring();
        calls.accept(cancelled);
        calls.hangUp(cancelled, EndReason.CANCELLED);
        FakeAvatarProvider.Session second = provider.last();

        Call closedTab = live();
        calls.hangUpByBeacon(closedTab.id(), "a forged token");
        assertThat(closedTab.state()).isEqualTo(CallState.ACTIVE);
        calls.hangUpByBeacon(closedTab.id(), closedTab.hangUpToken());

        assertThat(List.of(first, second, provider.last())).allSatisfy(session -> assertThat(session.isClosed()).isTrue());
        assertThat(closedTab.endReason()).contains(EndReason.TAB_CLOSED);
    }

    @Test
    void a_session_that_finishes_opening_after_the_person_gave_up_is_closed_at_once() {
        Call call = ring();
        provider.last().emit(new AvatarEvent.SessionStopped("ZOMBIE_SESSION_REAP")); // the pre-warm is lost
        events.clear();
        provider.whileOpening = () -> calls.hangUp(call, EndReason.CANCELLED);

        calls.accept(call); // opens again, and the person gives up meanwhile

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(provider.last().isClosed()).isTrue();
        assertThat(events).noneMatch(CallEvent.AvatarReady.class::isInstance);
    }

    @Test
    void an_ended_call_cannot_be_revived_by_a_late_event() {
        Call call = live();
        calls.hangUp(call, EndReason.HUNG_UP);

        calls.accept(call);
        provider.last().emit(new AvatarEvent.StreamReady());
        calls.sweep();

        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(calls.send(call, "hello")).isEqualTo(new SendResult.NotInCall());
    }

    @Test
    void the_record_keeps_times_outcome_and_counts_but_no_text() {
        Call call = live();
        calls.send(call, "Hello");
        clock.advance(Duration.ofSeconds(42));
        calls.hangUp(call, EndReason.HUNG_UP);

        CallRecord record = records.find(call.id()).orElseThrow();
        assertThat(record.outcome()).isEqualTo(CallState.ENDED);
        assertThat(record.personMessages()).isEqualTo(1);
        assertThat(record.avatarMessages()).isEqualTo(2); // greeting and answer
        assertThat(Duration.between(record.activeAt(), record.endedAt())).isEqualTo(Duration.ofSeconds(42));
        assertThat(record.toString()).doesNotContain("Hello");
    }

    @Test
    void what_the_avatar_provider_heard_the_person_say_is_their_message_and_is_answered() {
        Call call = live();
        int before = provider.last().spoken.size();

        provider.last().emit(new AvatarEvent.PersonSpoke("Who are you?"));

        assertThat(events).anySatisfy(event -> assertThat(event).isInstanceOfSatisfying(CallEvent.MessageShown.class,
                shown -> assertThat(shown.message()).isEqualTo(new ChatMessage(shown.message().id(),
                        ChatMessage.Author.PERSON, "Who are you?", true))));
        List<String> spoken = provider.last().spoken;
        assertThat(String.join(" ", spoken.subList(before, spoken.size()))).contains("AI avatar"); // sentence by sentence
    }
}
