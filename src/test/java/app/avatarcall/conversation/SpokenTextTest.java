package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            **Important.**                       | Important.
            - Talk mode                          | Talk mode
            * Repeat mode                        | Repeat mode
            • Языки                              | Языки
            ### Steps                            | Steps
            Use `Repeat` mode.                   | Use Repeat mode.
            Great! 😊                            | Great!
            Family 👨‍👩‍👧 time!                     | Family time!
            See [the docs](https://x.example).   | See the docs.
            [happy] Hello there.                 | Hello there.
            Hello [happy] !                      | Hello!
            1. Open the app.                     | 1. Open the app.
            snake_case stays                     | snake_case stays
            """)
    void a_sentence_is_made_fit_to_be_said(String sentence, String said) {
        assertThat(SpokenText.of(sentence)).isEqualTo(said);
    }

    @ParameterizedTest
    @CsvSource({"😊", "👍🏽", "'  '", "**"})
    void what_has_nothing_to_say_is_empty(String sentence) {
        assertThat(SpokenText.of(sentence)).isEmpty();
    }
}
