package app.avatarcall.conversation.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.Emotion;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Memory;
import app.avatarcall.conversation.Question;
import app.avatarcall.conversation.ReplyListener;
import app.avatarcall.conversation.Responder;
import app.avatarcall.conversation.Tokens;
import app.avatarcall.conversation.llm.ChatCompletionsClient.Message;
import app.avatarcall.conversation.llm.fake.FakeLlm;
import app.avatarcall.testing.FakeLlmTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the model is asked (persona, language, memory, passages) and what the person hears back, through the fake. */
class LlmResponderTest extends FakeLlmTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final AvatarProfile AVA = new AvatarDirectory().defaultAvatar();

    @Autowired
    FakeLlm fake;
    @Autowired
    Responder responder;
    @Autowired
    KnowledgeBaseResponder knowledge;

    /** Writes down what a listener hears. */
    static final class Heard implements ReplyListener {
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean finished;

        @Override
        public void emotion(Emotion emotion) {
            events.add("emotion " + emotion);
        }

        @Override
        public void sentence(String sentence) {
            events.add("say " + sentence);
        }

        @Override
        public void finished() {
            events.add("finished");
            finished = true;
        }
    }

    @BeforeEach
    @AfterEach
    void reset() {
        fake.reset();
        fake.latency(Duration.ZERO, Duration.ZERO);
    }

    private static LlmProperties properties(int memoryTokens) {
        return new LlmProperties(URI.create(fakeLlmBase()), "fake-llm-key", "fake-persona", Duration.ofSeconds(2),
                Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(20), 0, Duration.ofMillis(50),
                Duration.ofSeconds(5), 300, null, memoryTokens, 3, false);
    }

    private Heard ask(String text, Locale locale) {
        Heard heard = new Heard();
        responder.answer(new Question(text, locale, AVA.persona(locale), new Memory()), heard);
        await().atMost(Duration.ofSeconds(10)).until(() -> heard.finished);
        return heard;
    }

    @Test
    void the_configured_model_answers_when_the_fake_llm_profile_is_on() {
        assertThat(responder).isInstanceOf(LlmResponder.class);
    }

    @Test
    void the_system_prompt_plays_the_persona_in_the_language_of_the_question_with_the_passages_that_bear_on_it() {
        Prompt prompt = new Prompt(properties(1500), knowledge);

        List<Message> messages = prompt.messages(new Question("Сколько стоит звонок?", Locale.ENGLISH,
                AVA.persona(Locale.ENGLISH), new Memory()));

        String system = messages.getFirst().content();
        assertThat(messages.getFirst().role()).isEqualTo("system");
        assertThat(system).startsWith("You are Ava, AI assistant, an AI avatar")
                .contains(AVA.persona(Locale.ENGLISH).prompt())
                .contains("Answer in Russian (language code \"ru\")")
                .contains("[neutral], [happy], [sad], [surprised] or [thinking]")
                .contains("A: Демо-аватар бесплатный.");
        assertThat(messages.getLast()).isEqualTo(new Message("user", "Сколько стоит звонок?"));
    }

    @Test
    void a_question_the_knowledge_base_knows_nothing_of_says_so_in_the_prompt() {
        String system = new Prompt(properties(1500), knowledge).messages(new Question("Who won the 1998 World Cup?",
                Locale.ENGLISH, AVA.persona(Locale.ENGLISH), new Memory())).getFirst().content();
        assertThat(system).contains("Answer in English").contains("Knowledge base: nothing on this question");
    }

    @Test
    void the_calls_memory_goes_along_newest_first_within_its_token_budget() {
        Memory memory = new Memory();
        memory.remember("", "Hi! I'm Ava.");
        for (int i = 1; i <= 40; i++) {
            memory.remember("Question number " + i + " about calls?", "Answer number " + i + ", with a few words more.");
        }

        List<Message> messages = new Prompt(properties(200), knowledge)
                .messages(new Question("And now?", Locale.ENGLISH, AVA.persona(Locale.ENGLISH), memory));

        List<Message> history = messages.subList(1, messages.size() - 1);
        int tokens = history.stream().mapToInt(m -> Tokens.estimate(m.content()) + Tokens.PER_MESSAGE).sum();
        assertThat(tokens).isLessThanOrEqualTo(200).isGreaterThan(150);
        assertThat(history.getLast()).isEqualTo(new Message("assistant", "Answer number 40, with a few words more."));
        assertThat(history.get(history.size() - 2)).isEqualTo(new Message("user", "Question number 40 about calls?"));
        assertThat(history).extracting(Message::role).containsSubsequence("user", "assistant", "user", "assistant");
        assertThat(history).noneMatch(m -> m.content().contains("number 1 "));
    }

    @Test
    void the_reply_streams_back_in_character_as_an_emotion_and_sentences() {
        Heard heard = ask("Hello!", Locale.ENGLISH);

        assertThat(heard.events).containsExactly("emotion HAPPY", "say Hi!", "say It's Ava.",
                "say Lovely to hear from you.", "say What shall we talk about?", "finished");
        assertThat(fake.requests().getFirst().path("messages").get(0).path("content").asString())
                .startsWith("You are Ava");
    }

    @Test
    void a_model_that_cannot_be_reached_is_apologised_for_in_the_persons_language() {
        fake.then(new FakeLlm.Script.Status(401, null));

        Heard heard = ask("Привет, как дела?", RU);

        assertThat(heard.events).containsExactly(
                "say Извините, сейчас не получается ответить. Попробуйте ещё раз через минуту.", "finished");
    }

    @Test
    void a_stream_that_breaks_mid_reply_keeps_its_whole_sentences_and_says_sorry_for_the_rest() {
        fake.then(new FakeLlm.Script.BreakAfter("[happy] First sentence here. Second one never ends", 9));

        Heard heard = ask("Tell me two things", Locale.ENGLISH);

        assertThat(heard.events).containsExactly("emotion HAPPY", "say First sentence here.",
                "say Sorry, I can't finish that thought right now. Could you ask again?", "finished");
    }
}
