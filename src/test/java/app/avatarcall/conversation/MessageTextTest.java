package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageTextTest {

    @Test
    void surrounding_white_space_goes_and_line_breaks_become_spaces() {
        assertThat(MessageText.check("  hello\nworld\t ")).isEqualTo(new MessageText.Check.Accepted("hello world"));
    }

    @Test
    void control_and_invisible_formatting_characters_are_stripped() {
        assertThat(MessageText.clean("he\u0000l\u0007lo\u202e!\u200b")).isEqualTo("hello!");
    }

    @Test
    void emoji_sequences_survive_and_count_as_code_points() {
        String family = "👨\u200d👩\u200d👧";
        assertThat(MessageText.clean(family)).isEqualTo(family);
        assertThat(MessageText.length("😀".repeat(1000))).isEqualTo(1000);
        assertThat(MessageText.check("😀".repeat(1000))).isInstanceOf(MessageText.Check.Accepted.class);
    }

    @Test
    void nothing_but_white_space_is_empty() {
        assertThat(MessageText.check(" \n\t\u0000 ")).isEqualTo(new MessageText.Check.Empty());
    }

    @Test
    void a_thousand_characters_pass_and_one_more_does_not() {
        assertThat(MessageText.check("a".repeat(1000))).isInstanceOf(MessageText.Check.Accepted.class);
        assertThat(MessageText.check("a".repeat(1001))).isEqualTo(new MessageText.Check.TooLong(1001, 1000));
    }

    @Test
    void html_is_kept_as_the_text_it_is() {
        assertThat(MessageText.check("<script>alert(1)</script>"))
                .isEqualTo(new MessageText.Check.Accepted("<script>alert(1)</script>"));
    }
}
