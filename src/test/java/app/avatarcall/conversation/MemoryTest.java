package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemoryTest {

    @Test
    void tokens_are_estimated_about_four_latin_characters_and_fewer_cyrillic_ones_each() {
        assertThat(Tokens.estimate("")).isZero();
        assertThat(Tokens.estimate("How much does a call cost?")).isBetween(6, 9); // cl100k: 7
        assertThat(Tokens.estimate("Сколько стоит один звонок?")).isBetween(8, 13); // cl100k: 12, o200k: 7
        assertThat(Tokens.estimate("😊😊")).isEqualTo(2);
    }

    @Test
    void the_latest_whole_exchanges_that_fit_the_budget_are_recalled_oldest_first() {
        Memory memory = new Memory();
        for (int i = 1; i <= 10; i++) {
            memory.remember("question number " + i, "answer number " + i + " is a little longer than the question");
        }
        int one = new Memory.Exchange("question number 10", "answer number 10 is a little longer than the question").tokens();

        assertThat(memory.recent(3 * one + one / 2)).extracting(Memory.Exchange::question)
                .containsExactly("question number 8", "question number 9", "question number 10");
        assertThat(memory.recent(one - 1)).isEmpty();
        assertThat(memory.recent(100_000)).hasSize(10);
    }

    @Test
    void a_long_call_keeps_no_more_than_a_bounded_number_of_exchanges() {
        Memory memory = new Memory();
        for (int i = 0; i < Memory.MOST + 20; i++) {
            memory.remember("q" + i, "a" + i);
        }
        assertThat(memory.size()).isEqualTo(Memory.MOST);
        assertThat(memory.recent(100_000).getFirst().question()).isEqualTo("q20");
    }
}
