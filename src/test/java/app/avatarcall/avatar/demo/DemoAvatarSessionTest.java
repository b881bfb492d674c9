package app.avatarcall.avatar.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarEvent;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.avatar.StageCommand;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.avatar.StageSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DemoAvatarSessionTest {

    private final DemoAvatarSession session =
            (DemoAvatarSession) new DemoAvatarProvider(java.time.Duration.ZERO).open(new AvatarSpec("max", "male", Locale.forLanguageTag("ru")));
    private final List<StageCommand> commands = new ArrayList<>();
    private final List<AvatarEvent> events = new ArrayList<>();

    @Test
    void the_page_draws_the_chosen_face_in_the_calls_language() {
        assertThat(session.stage()).isEqualTo(new StageSetup.DemoFace("max", "ru"));
    }

    @Test
    void commands_sent_before_the_page_attaches_wait_for_it() {
        String id = session.speak("Привет", SpeechMode.REPEAT);
        session.showEmotion(Emotion.HAPPY);
        assertThat(commands).isEmpty();

        session.attach(commands::add);

        assertThat(commands).containsExactly(new StageCommand.Speak(id, "Привет", "ru"),
                new StageCommand.ShowEmotion(Emotion.HAPPY));
    }

    @Test
    void what_the_page_reports_becomes_avatar_events() {
        session.onEvent(events::add);
        session.report(new StageReport.Ready());
        session.report(new StageReport.SpeakingStarted("u1"));
        session.report(new StageReport.CaptionProgressed("u1", "При"));
        session.report(new StageReport.SpeakingEnded("u1", false));
        session.report(new StageReport.Failed("no WebGL"));

        assertThat(events).containsExactly(new AvatarEvent.StreamReady(), new AvatarEvent.SpeakingStarted("u1"),
                new AvatarEvent.CaptionUpdated("u1", "При"), new AvatarEvent.SpeakingEnded("u1", false),
                new AvatarEvent.SessionStopped("stage failed: no WebGL"));
    }

    @Test
    void a_closed_session_neither_sends_nor_reports() {
        session.attach(commands::add);
        session.onEvent(events::add);
        session.close("hung up");

        session.speak("late", SpeechMode.REPEAT);
        session.report(new StageReport.Ready());

        assertThat(session.isClosed()).isTrue();
        assertThat(commands).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void the_demo_avatar_has_no_mind_of_its_own() {
        assertThat(session.answersItself()).isFalse();
        assertThatThrownBy(() -> session.speak("hi", SpeechMode.TALK)).isInstanceOf(UnsupportedOperationException.class);
    }
}
