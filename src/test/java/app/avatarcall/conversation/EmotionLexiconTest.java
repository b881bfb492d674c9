package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.Emotion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmotionLexiconTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Great, I'm so glad you asked!                  | HAPPY
            Отлично, я очень рада!                         | HAPPY
            I'm sorry to hear that.                        | SAD
            К сожалению, так не получится.                 | SAD
            Wow, that's incredible!                        | SURPRISED
            Ого, ничего себе!                              | SURPRISED
            Hmm, let me think about it.                    | THINKING
            Хороший вопрос, дайте подумать.                | THINKING
            Great, great news, sorry for the wait!         | HAPPY
            Sorry, but wow!                                | SAD
            """)
    void a_sentence_with_words_of_feeling_gets_that_feeling(String sentence, Emotion expected) {
        assertThat(EmotionLexicon.of(sentence)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            The call costs nothing in the demo.
            Звонок в демо-режиме бесплатный.
            Радио работает на частоте сто мегагерц.
            Greatest hits are on the radio.
            """)
    void a_plain_sentence_is_neutral(String sentence) {
        assertThat(EmotionLexicon.of(sentence)).isEmpty();
    }
}
