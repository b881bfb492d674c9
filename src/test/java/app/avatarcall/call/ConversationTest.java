package app.avatarcall.call;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.conversation.Memory;
import app.avatarcall.testing.FakeAvatarProvider;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talk mode with a language model the test plays: sentences, captions, barge-in, failures. */
class ConversationTest {

    private static final AvatarProfile AVA = new AvatarDirectory().defaultAvatar();

    private final ScriptedResponder model = new ScriptedResponder();
    private final Conversation conversation = new Conversation(model);
    private final List<CallEvent> events = new CopyOnWriteArrayList<>();
    private Call call;
    private FakeAvatarProvider.Session avatar;

    @BeforeEach
    void liveCall() {
        call = new Call(AVA, Locale.ENGLISH, "person-1", null, Instant.now());
        avatar = (FakeAvatarProvider.Session) new FakeAvatarProvider().open(AVA.spec(Locale.ENGLISH));
        call.attachSession(call.startOpening().orElseThrow(), avatar);
        call.subscribe(events::add);
    }

    private List<ChatMessage> avatarLines() {
        return events.stream().filter(CallEvent.MessageShown.class::isInstance)
                .map(event -> ((CallEvent.MessageShown) event).message())
                .filter(message -> message.author() == ChatMessage.Author.AVATAR)
                .toList();
    }

    private List<ChatMessage> line(String id) {
        return avatarLines().stream().filter(message -> message.id().equals(id)).toList();
    }

    /** Plays the avatar saying utterance {@code id} to its end, with a caption on the way. */
    private void avatarSays(String utteranceId, String text) {
        conversation.captioned(call, utteranceId, text);
        conversation.spoken(call, utteranceId, false);
    }

    @Test
    void each_sentence_goes_to_the_avatar_the_moment_it_is_written() {
        conversation.deliver(call, "Who are you?");
        ScriptedResponder.Reply reply = model.last();
        assertThat(avatar.spoken).isEmpty();
        assertThat(call.isSpeaking()).isTrue(); // thinking counts: no barge-in is missed, no idle time counted

        reply.say("I'm Ava.");
        assertThat(avatar.spoken).containsExactly("I'm Ava.");

        reply.say("I work for Avatar Call.");
        assertThat(avatar.spoken).containsExactly("I'm Ava.", "I work for Avatar Call.");
    }

    @Test
    void the_reply_is_one_chat_line_that_grows_as_it_is_spoken_and_carries_its_feeling() {
        conversation.deliver(call, "Tell me something nice");
        ScriptedResponder.Reply reply = model.last();
        String id = avatarLines().getFirst().id();
        assertThat(avatarLines().getFirst()).isEqualTo(new ChatMessage(id, ChatMessage.Author.AVATAR, "", false));

        reply.feel(Emotion.HAPPY).say("You are great.", "Really!");
        assertThat(avatar.emotions).containsExactly(Emotion.HAPPY);
        avatarSays("u1", "You are");
        avatarSays("u1", "You are great.");
        reply.finish();
        avatarSays("u2", "Really!");

        assertThat(avatarLines()).allSatisfy(message -> assertThat(message.id()).isEqualTo(id));
        assertThat(line(id)).extracting(ChatMessage::text)
                .containsSubsequence("", "You are", "You are great.", "You are great. Really!");
        assertThat(line(id).getLast()).isEqualTo(
                new ChatMessage(id, ChatMessage.Author.AVATAR, "You are great. Really!", true, Emotion.HAPPY));
        assertThat(call.isSpeaking()).isFalse();
    }

    @Test
    void barge_in_cancels_the_reply_stops_the_avatar_and_nothing_stale_is_said_or_shown() {
        conversation.deliver(call, "Tell me a long story");
        ScriptedResponder.Reply first = model.last();
        first.say("Once upon a time.");
        conversation.captioned(call, "u1", "Once upon");
        String firstLine = avatarLines().getFirst().id();

        conversation.deliver(call, "Stop, what time is it?");

        assertThat(first.cancelled).isTrue();
        assertThat(avatar.log).containsExactly("speak:Once upon a time.", "interrupt");
        assertThat(line(firstLine).getLast()).extracting(ChatMessage::text, ChatMessage::complete)
                .containsExactly("Once upon …", true);
        int shown = events.size();

        first.say("There was a dragon.").finish(); // the old stream, racing
        conversation.spoken(call, "u1", true); // the avatar's late word on the cut utterance

        assertThat(avatar.spoken).containsExactly("Once upon a time.");
        assertThat(events).hasSize(shown);
        model.last().say("It is noon.");
        assertThat(avatar.spoken).containsExactly("Once upon a time.", "It is noon.");
    }

    @Test
    void a_message_after_the_reply_was_written_but_while_it_is_still_being_said_cuts_it_too() {
        conversation.deliver(call, "Two sentences please");
        model.last().say("One.", "Two.").finish();
        avatarSays("u1", "One.");
        String id = avatarLines().getFirst().id();

        conversation.deliver(call, "Enough");

        assertThat(avatar.interrupts).isEqualTo(1);
        assertThat(line(id).getLast()).extracting(ChatMessage::text, ChatMessage::complete)
                .containsExactly("One. …", true);
    }

    @Test
    void a_barge_in_racing_a_streaming_reply_never_lets_a_stale_sentence_through() throws Exception {
        for (int run = 0; run < 200; run++) {
            events.clear();
            liveCall();
            conversation.deliver(call, "Count");
            ScriptedResponder.Reply counting = model.last();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(1);
            Thread stream = Thread.ofPlatform().start(() -> {
                for (int n = 0; !stop.get(); n++) {
                    counting.say("Number " + n + ".");
                    started.countDown();
                }
            });
            started.await(1, TimeUnit.SECONDS);
            Thread.sleep(0, ThreadLocalRandom.current().nextInt(200_000));

            conversation.deliver(call, "Stop");
            int interrupt = avatar.log.indexOf("interrupt");
            stop.set(true);
            stream.join();

            assertThat(interrupt).isPositive();
            assertThat(avatar.log.subList(interrupt, avatar.log.size())).containsExactly("interrupt");
            assertThat(avatarLines().stream().filter(message -> message.complete()
                    && message.id().equals(avatarLines().getFirst().id()))).hasSize(1);
        }
    }

    @Test
    void a_responder_that_breaks_down_is_apologised_for_and_the_call_goes_on() {
        model.failure = new IllegalStateException("bug");
        conversation.deliver(call, "Hello?");
        assertThat(avatar.spoken).containsExactly("Sorry, I can't answer right now. Please try again in a minute.");

        model.failure = null;
        conversation.deliver(call, "Hello again?");
        model.last().say("Hi!").finish();
        assertThat(avatar.spoken).last().isEqualTo("Hi!");
    }

    @Test
    void a_reply_of_nothing_is_apologised_for_in_the_persons_language() {
        conversation.deliver(call, "Привет?");
        model.last().finish();
        assertThat(avatar.spoken).containsExactly("Извините, сейчас не получается ответить. Попробуйте ещё раз через минуту.");
    }

    @Test
    void the_next_question_carries_what_was_said_so_far_and_a_cut_reply_is_remembered_as_cut() {
        conversation.greet(call, avatar);
        conversation.deliver(call, "What is Talk mode?");
        model.last().say("I answer you.").finish();
        conversation.deliver(call, "And Repeat?");
        model.last().say("I say what you type.");
        conversation.deliver(call, "Thanks");

        Memory memory = model.last().question.memory();
        assertThat(memory.recent(10_000)).containsExactly(
                new Memory.Exchange("", AVA.persona(Locale.ENGLISH).greeting()),
                new Memory.Exchange("What is Talk mode?", "I answer you."),
                new Memory.Exchange("And Repeat?", "I say what you type. …"));
        assertThat(model.last().question.persona().name()).isEqualTo("Ava");
        assertThat(model.last().question.text()).isEqualTo("Thanks");
    }

    @Test
    void repeat_mode_needs_no_responder() {
        call.setMode(ChatMode.REPEAT);
        conversation.deliver(call, "Say this");
        assertThat(avatar.spoken).containsExactly("Say this");
        assertThat(model.replies).isEmpty();
    }

    @Test
    void an_avatar_with_its_own_brain_answers_itself_unless_ours_is_to_answer_for_every_avatar() {
        avatar.answersItself = true;
        conversation.deliver(call, "Hi");
        assertThat(avatar.spoken).containsExactly("Hi");
        assertThat(model.replies).isEmpty();

        model.everyAvatar = true;
        conversation.deliver(call, "Hi again");
        model.last().say("Hello!").finish();
        assertThat(avatar.spoken).containsExactly("Hi", "Hello!");
    }

    @Test
    void the_end_of_the_call_cancels_the_reply_being_written() {
        conversation.deliver(call, "Tell me everything");
        conversation.stop(call);
        model.last().say("Too late.");

        assertThat(model.last().cancelled).isTrue();
        assertThat(avatar.spoken).isEmpty();
    }

    @Test
    void the_greeting_is_one_line_said_in_repeat_mode() {
        conversation.greet(call, avatar);
        assertThat(avatar.spoken).containsExactly(AVA.persona(Locale.ENGLISH).greeting());
        assertThat(avatarLines()).hasSize(1);
    }
}
