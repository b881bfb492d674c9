package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.Emotion;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmotionTagTest {

    private static String read(EmotionTag tag, List<String> pieces) {
        StringBuilder passed = new StringBuilder();
        pieces.forEach(piece -> passed.append(tag.read(piece)));
        return passed.append(tag.finish()).toString();
    }

    @Test
    void a_leading_tag_names_the_emotion_and_is_never_passed_on() {
        EmotionTag tag = new EmotionTag();
        assertThat(read(tag, List.of("[happy] Great to hear!"))).isEqualTo("Great to hear!");
        assertThat(tag.emotion()).contains(Emotion.HAPPY);
    }

    @Test
    void a_tag_split_over_many_pieces_is_held_back_until_it_is_whole() {
        EmotionTag tag = new EmotionTag();
        assertThat(tag.read("[")).isEmpty();
        assertThat(tag.read("surp")).isEmpty();
        assertThat(tag.read("rised")).isEmpty();
        assertThat(tag.read("] Wow")).isEqualTo("Wow");
        assertThat(tag.read(", really?")).isEqualTo(", really?");
        assertThat(tag.emotion()).contains(Emotion.SURPRISED);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [Happy] Hi            | HAPPY
            [HAPPY] Hi            | HAPPY
            [emotion: sad] Hi     | SAD
            [emotion=thinking] Hi | THINKING
            (curious) Hi          | THINKING
            [ joyful ] Hi         | HAPPY
            [радость] Привет      | HAPPY
            [удивление] Ого       | SURPRISED
            [neutral] Hi          | NEUTRAL
            """)
    void the_forms_models_really_write_are_understood(String reply, Emotion expected) {
        EmotionTag tag = new EmotionTag();
        assertThat(read(tag, List.of(reply))).isIn("Hi", "Привет", "Ого");
        assertThat(tag.emotion()).contains(expected);
    }

    @Test
    void a_reply_without_a_tag_is_passed_on_untouched_and_names_no_emotion() {
        EmotionTag tag = new EmotionTag();
        assertThat(read(tag, List.of("Sure", ", here it is."))).isEqualTo("Sure, here it is.");
        assertThat(tag.emotion()).isEmpty();
    }

    @Test
    void an_unknown_word_in_brackets_is_dropped_but_names_nothing() {
        EmotionTag tag = new EmotionTag();
        assertThat(read(tag, List.of("[laughs] That's funny."))).isEqualTo("That's funny.");
        assertThat(tag.emotion()).isEmpty();
    }

    @Test
    void text_that_merely_starts_with_a_bracket_is_not_taken_for_a_tag() {
        assertThat(read(new EmotionTag(), List.of("(in short) yes."))).isEqualTo("(in short) yes.");
        assertThat(read(new EmotionTag(), List.of("[1] is the first source."))).isEqualTo("[1] is the first source.");
        assertThat(read(new EmotionTag(), List.of("[", "this is a very long bracket that is no tag at all"))).startsWith("[this");
    }

    @Test
    void a_reply_that_is_only_an_unfinished_bracket_is_passed_on_at_the_end() {
        assertThat(read(new EmotionTag(), List.of("[hm"))).isEqualTo("[hm");
    }
}
