package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@AppTest
@RecordApplicationEvents
class CallFiguresTest {

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
    ApplicationEvents published;

    @BeforeEach
    void reset() {
        provider.refuse = false;
        provider.busy = false;
        provider.whileOpening = () -> { };
    }

    private Call ring() {
        return calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());
    }

    @Test
    void a_call_keeps_what_the_provider_billed_how_the_person_talked_and_how_fast_the_avatar_answered() {
        Call call = ring(); // the session is pre-warmed now
        clock.advance(Duration.ofSeconds(4));
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking(); // the greeting: nobody waited for it
        calls.setMode(call, ChatMode.REPEAT);

        calls.send(call, "hello");
        clock.advance(Duration.ofMillis(1200));
        provider.last().finishSpeaking();
        calls.send(call, "how are you", true);
        clock.advance(Duration.ofMillis(600));
        provider.last().finishSpeaking();
        calls.send(call, "bye");
        clock.advance(Duration.ofMillis(300));
        provider.last().finishSpeaking();
        clock.advance(Duration.ofSeconds(30));
        calls.hangUp(call, EndReason.HUNG_UP);

        CallFigures figures = records.find(call.id()).orElseThrow().figures();
        assertThat(figures.providerMillis()).isEqualTo(4_000 + 1_200 + 600 + 300 + 30_000);
        assertThat(figures.textMessages()).isEqualTo(2);
        assertThat(figures.voiceMessages()).isEqualTo(1);
        assertThat(figures.turns()).isEqualTo(3);
        assertThat(figures.turnLatencyMedianMs()).isEqualTo(600);
        assertThat(figures.turnLatencyAvgMs()).isEqualTo(700);
        assertThat(figures.llmLatencyAvgMs()).isNull(); // Repeat mode: no responder wrote anything
        assertThat(figures.sessionOpenMs()).isNotNull();
        assertThat(figures.prewarmed()).isTrue();
        assertThat(figures.prewarmUsed()).isTrue();
        assertThat(figures.errors()).isZero();
        assertThat(published.stream(AvatarReplied.class).filter(replied -> replied.callId().equals(call.id())))
                .extracting(AvatarReplied::waited)
                .containsExactly(Duration.ofMillis(1200), Duration.ofMillis(600), Duration.ofMillis(300));
        assertThat(published.stream(PrewarmSettled.class)).contains(new PrewarmSettled(call.id(), "fake", true));
    }

    @Test
    void a_declined_call_wasted_its_prewarm_and_the_provider_billed_the_ringing() {
        Call call = ring();
        clock.advance(Duration.ofSeconds(7));
        calls.decline(call);

        CallFigures figures = records.find(call.id()).orElseThrow().figures();
        assertThat(figures.providerMillis()).isEqualTo(7_000);
        assertThat(figures.prewarmed()).isTrue();
        assertThat(figures.prewarmUsed()).isFalse();
        assertThat(figures.prewarmWasted()).isTrue();
        assertThat(figures.turns()).isZero();
        assertThat(published.stream(PrewarmSettled.class)).contains(new PrewarmSettled(call.id(), "fake", false));
    }

    @Test
    void a_prewarm_answered_while_it_still_opens_is_used_when_it_arrives() {
        String person = "tg:" + System.nanoTime();
        provider.whileOpening = () -> calls.live().stream()
                .filter(live -> person.equals("tg:" + live.telegramId())).findFirst()
                .flatMap(live -> calls.find(live.id())).ifPresent(calls::accept); // the person answers meanwhile
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, person, "Ann");
        provider.whileOpening = () -> { };
        assertThat(call.state()).isEqualTo(CallState.CONNECTING);
        calls.report(call, new StageReport.Ready());
        calls.hangUp(call, EndReason.HUNG_UP);

        CallFigures figures = records.find(call.id()).orElseThrow().figures();
        assertThat(figures.prewarmed()).isTrue();
        assertThat(figures.prewarmUsed()).isTrue();
        assertThat(provider.last().isClosed()).isTrue();
    }

    @Test
    void a_talk_reply_counts_the_responders_first_sentence_and_a_refusing_provider_counts_as_an_error() {
        Call call = ring();
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        calls.send(call, "What can you do?");
        calls.hangUp(call, EndReason.HUNG_UP);
        assertThat(records.find(call.id()).orElseThrow().figures().llmLatencyAvgMs()).isNotNull();

        provider.refuse = true;
        Call failing = ring(); // the pre-warm fails,
        calls.accept(failing); // and so does opening on answer
        CallFigures figures = records.find(failing.id()).orElseThrow().figures();
        assertThat(figures.errors()).isEqualTo(2);
        assertThat(figures.providerMillis()).isZero();
        assertThat(figures.prewarmed()).isFalse();
        assertThat(published.stream(AvatarSessionFailed.class).filter(failed -> failed.callId().equals(failing.id())))
                .hasSize(2);
    }
}
