package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.conversation.llm.fake.FakeLlm;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.FakeLlmTest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A whole call in Talk mode with the fake language model over HTTP: what the avatar says, and when. */
class TalkThroughLanguageModelTest extends FakeLlmTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    FakeLlm fake;

    private final List<CallEvent> events = new CopyOnWriteArrayList<>();

    @BeforeEach
    void quickModel() {
        fake.reset();
        fake.latency(Duration.ZERO, Duration.ofMillis(5));
        provider.refuse = false;
        provider.busy = false;
    }

    @AfterEach
    void resetModel() {
        fake.reset();
    }

    private Call live(Locale locale) {
        Call call = calls.ring(avatars.defaultAvatar(), locale, java.util.UUID.randomUUID().toString());
        call.subscribe(events::add);
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        return call;
    }

    private List<ChatMessage> avatarLines() {
        return events.stream().filter(CallEvent.MessageShown.class::isInstance)
                .map(event -> ((CallEvent.MessageShown) event).message())
                .filter(message -> message.author() == ChatMessage.Author.AVATAR)
                .toList();
    }

    @Test
    void the_first_sentence_is_said_while_the_model_is_still_writing_the_rest() {
        Call call = live(Locale.ENGLISH);
        String reply = "[happy] Great question! Avatar Call rings you. Then you talk.";
        fake.then(new FakeLlm.Script.StallAfter(reply, 8, Duration.ofSeconds(3))); // stalls after " Avatar"
        FakeAvatarProvider.Session avatar = provider.last();

        calls.send(call, "What is it?");

        await().atMost(PATIENCE).until(() -> avatar.spoken.contains("Great question!"));
        assertThat(avatar.spoken).doesNotContain("Avatar Call rings you.");
        assertThat(avatar.emotions).containsExactly(Emotion.HAPPY);
        await().atMost(PATIENCE).until(() -> avatar.spoken.contains("Then you talk."));
        assertThat(avatar.spoken).endsWith("Great question!", "Avatar Call rings you.", "Then you talk.");
    }

    @Test
    void the_reply_grows_in_one_chat_line_as_it_is_spoken_and_ends_complete_with_its_reaction() {
        Call call = live(Locale.ENGLISH);
        fake.then(new FakeLlm.Script.Reply("[surprised] Wow, really? Tell me more."));
        FakeAvatarProvider.Session avatar = provider.last();

        calls.send(call, "I won the lottery");
        await().atMost(PATIENCE).until(() -> avatar.spoken.size() == 3);
        avatar.emit(new app.avatarcall.avatar.AvatarEvent.SpeakingStarted("u2"));
        avatar.emit(new app.avatarcall.avatar.AvatarEvent.SpeakingEnded("u2", false));
        avatar.emit(new app.avatarcall.avatar.AvatarEvent.SpeakingStarted("u3"));
        avatar.emit(new app.avatarcall.avatar.AvatarEvent.CaptionUpdated("u3", "Tell me"));
        avatar.emit(new app.avatarcall.avatar.AvatarEvent.SpeakingEnded("u3", false));

        List<ChatMessage> reply = avatarLines().stream()
                .filter(message -> message.id().equals(avatarLines().getLast().id())).toList();
        assertThat(reply).extracting(ChatMessage::text).containsSubsequence("", "Wow, really?", "Wow, really? Tell me",
                "Wow, really? Tell me more.");
        assertThat(reply.getLast().complete()).isTrue();
        assertThat(reply.getLast().emotion()).isEqualTo(Emotion.SURPRISED);
    }

    @Test
    void a_new_message_cancels_the_models_stream_and_closes_its_connection() {
        Call call = live(Locale.ENGLISH);
        fake.latency(Duration.ZERO, Duration.ofMillis(40));
        fake.then(new FakeLlm.Script.Reply("[neutral] One. Two. Three. Four. Five. Six. Seven. Eight. Nine. Ten."));
        FakeAvatarProvider.Session avatar = provider.last();
        calls.send(call, "Count to ten");
        await().atMost(PATIENCE).until(() -> avatar.spoken.contains("Two."));

        fake.then(new FakeLlm.Script.Reply("[neutral] Stopped."));
        calls.send(call, "Stop");

        await().atMost(PATIENCE).until(() -> fake.aborted() == 1);
        await().atMost(PATIENCE).until(() -> avatar.spoken.contains("Stopped."));
        List<String> afterInterrupt = avatar.log.subList(avatar.log.lastIndexOf("interrupt"), avatar.log.size());
        assertThat(afterInterrupt).containsExactly("interrupt", "speak:Stopped.");
    }

    @Test
    void a_model_that_fails_is_apologised_for_in_russian_and_the_call_goes_on() {
        Call call = live(Locale.forLanguageTag("ru"));
        fake.then(new FakeLlm.Script.Status(401, null));
        FakeAvatarProvider.Session avatar = provider.last();

        calls.send(call, "Как дела?");
        await().atMost(PATIENCE).until(() -> avatar.spoken.size() == 2);
        assertThat(avatar.spoken.getLast()).isEqualTo(
                "Извините, сейчас не получается ответить. Попробуйте ещё раз через минуту.");

        calls.send(call, "Привет!");
        await().atMost(PATIENCE).until(() -> avatar.spoken.size() > 2 && avatar.spoken.contains("Привет!"));
        assertThat(call.state()).isEqualTo(CallState.ACTIVE);
    }

    @Test
    void hanging_up_while_the_model_writes_closes_the_stream() {
        Call call = live(Locale.ENGLISH);
        fake.latency(Duration.ZERO, Duration.ofMillis(40));
        fake.then(new FakeLlm.Script.Reply("[neutral] " + "Words and words. ".repeat(20)));
        FakeAvatarProvider.Session avatar = provider.last();
        calls.send(call, "Talk");
        await().atMost(PATIENCE).until(() -> !avatar.spoken.isEmpty() && avatar.spoken.size() > 1);

        calls.hangUp(call, EndReason.HUNG_UP);

        await().atMost(PATIENCE).until(() -> fake.aborted() == 1);
        assertThat(avatar.isClosed()).isTrue();
    }
}
