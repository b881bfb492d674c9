package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.Emotion;
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
}
