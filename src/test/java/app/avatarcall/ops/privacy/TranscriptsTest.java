package app.avatarcall.ops.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallService;
import app.avatarcall.call.EndReason;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestClock;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class TranscriptsTest {

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    PrivacySettings settings;
    @Autowired
    Transcripts transcripts;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void transcriptsOffAgain() {
        settings.change("test", new Privacy(false, 30));
    }

    /** A whole call: the greeting, the person says {@code message}, the avatar repeats it, the person hangs up. */
    private Call callSaying(String person, String message) {
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, person);
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking(); // the greeting
        calls.setMode(call, ChatMode.REPEAT);
        calls.send(call, message);
        provider.last().finishSpeaking();
        calls.hangUp(call, EndReason.HUNG_UP);
        return call;
    }

    private static String person() {
        return "tg:" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    @Test
    void transcripts_are_off_by_default_so_a_call_with_messages_leaves_no_text_behind() {
        assertThat(settings.current()).isEqualTo(new Privacy(false, 30));
        Call call = callSaying(person(), "my secret plans");
        assertThat(transcripts.of(call.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from call_transcript where text like '%secret%'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void with_transcripts_on_the_persons_messages_and_the_avatars_replies_are_stored_in_order() {
        settings.change("operator", new Privacy(true, 30));
        String person = person();
        Call call = callSaying(person, "Tell me about pricing");

        assertThat(transcripts.of(call.id())).extracting(TranscriptLine::who, TranscriptLine::text).containsExactly(
                org.assertj.core.groups.Tuple.tuple("AVATAR", call.greeting()),
                org.assertj.core.groups.Tuple.tuple("PERSON", "Tell me about pricing"),
                org.assertj.core.groups.Tuple.tuple("AVATAR", "Tell me about pricing"));
        assertThat(transcripts.of(call.id())).allSatisfy(line -> {
            assertThat(line.person()).isEqualTo(person);
            assertThat(line.at()).isEqualTo(clock.instant());
        });
    }

    @Test
    void a_transcript_older_than_the_retention_is_deleted_by_the_nightly_job() {
        settings.change("operator", new Privacy(true, 7));
        Call old = callSaying(person(), "an old question");
        clock.advance(Duration.ofDays(8));
        Call recent = callSaying(person(), "a new question");

        assertThat(transcripts.forgetOld()).isGreaterThanOrEqualTo(3);
        assertThat(transcripts.of(old.id())).isEmpty();
        assertThat(transcripts.of(recent.id())).extracting(TranscriptLine::text).contains("a new question");
    }

    @Test
    void turning_transcripts_on_or_off_is_audited() {
        settings.change("operator", new Privacy(true, 90));
        assertThat(jdbc.sql("select detail from audit_event where action = 'privacy.transcripts-changed' and actor = 'operator'"
                + " order by id desc limit 1").query(String.class).single())
                .isEqualTo("transcripts on, kept 90 days (was transcripts off, kept 30 days)");
    }
}
