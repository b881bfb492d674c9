package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.Emotion;
import app.avatarcall.avatar.AvatarProfile;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class KnowledgeBaseResponderTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private final KnowledgeBaseResponder responder = new KnowledgeBaseResponder();

    @Test
    void an_english_question_in_other_words_finds_its_answer() {
        Reply reply = responder.answer("how much would it cost me?", Locale.ENGLISH);
        assertThat(reply.text()).startsWith("The demo avatar is free.");
    }

    @Test
    void a_russian_question_with_other_word_forms_finds_its_answer() {
        Reply reply = responder.answer("а сколько стоят звонки?", RU);
        assertThat(reply.text()).startsWith("Демо-аватар бесплатный.");
    }

    @Test
    void the_answer_comes_in_the_language_the_question_is_written_in() {
        assertThat(responder.answer("Расскажи анекдот", Locale.ENGLISH).text()).startsWith("Почему аватар покраснел?");
        assertThat(responder.answer("Tell me a joke", RU).text()).startsWith("Why did the avatar blush?");
    }

    @Test
    void answers_carry_their_emotion() {
        assertThat(responder.answer("I had a terrible day", Locale.ENGLISH).emotion()).isEqualTo(Emotion.SAD);
        assertThat(responder.answer("Привет!", RU).emotion()).isEqualTo(Emotion.HAPPY);
    }

    @Test
    void a_question_it_cannot_answer_gets_a_polite_fallback() {
        Reply english = responder.answer("What is the boiling point of tungsten?", Locale.ENGLISH);
        Reply russian = responder.answer("Какая температура плавления вольфрама?", RU);

        assertThat(english.text()).startsWith("Good question! I don't know that one yet.");
        assertThat(russian.text()).startsWith("Хороший вопрос! Этого я пока не знаю.");
        assertThat(english.emotion()).isEqualTo(Emotion.THINKING);
    }

    @Test
    void punctuation_and_query_syntax_are_only_text() {
        Reply reply = responder.answer("AND OR NOT (\"*?~^:[]{}/\\", Locale.ENGLISH);
        assertThat(reply.text()).startsWith("Good question!");
    }

    @Test
    void the_passages_for_a_question_are_the_best_matching_entries_in_its_language() {
        List<Passage> english = responder.passages("How much does a video avatar cost?", RU, 3);
        List<Passage> russian = responder.passages("Сколько стоит звонок?", Locale.ENGLISH, 3);

        assertThat(english).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(english.getFirst().answer()).startsWith("The demo avatar is free.");
        assertThat(russian.getFirst().answer()).startsWith("Демо-аватар бесплатный.");
        assertThat(responder.passages("What is the boiling point of tungsten?", Locale.ENGLISH, 3)).isEmpty();
    }

    @Test
    void as_a_responder_it_says_its_answer_sentence_by_sentence_with_the_entrys_emotion() {
        ReplyReaderTest.Heard heard = new ReplyReaderTest.Heard();

        Answering answering = responder.answer(new Question("Tell me a joke", Locale.ENGLISH,
                new AvatarProfile.Persona("Ava", "AI assistant", "Hi!"), new Memory()), heard);

        assertThat(heard.events).containsExactly("emotion HAPPY", "say Why did the avatar blush?",
                "say Because it saw the camera's raw footage!", "finished");
        assertThat(answering).isSameAs(Answering.DONE);
    }
}
