package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSplitterTest {

    record Case(String input, List<String> sentences) {
        @Override
        public String toString() {
            return input.replace("\n", "\\n");
        }
    }

    /** The cases of {@code conversation/sentences.txt}. */
    static Stream<Case> corpus() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = SentenceSplitterTest.class.getResourceAsStream("/conversation/sentences.txt")) {
            String input = null;
            List<String> expected = new ArrayList<>();
            for (String line : (new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n").split("\n", -1)) {
                if (line.startsWith("> ")) {
                    input = line.substring(2).replace("\\n", "\n");
                } else if (line.startsWith("= ")) {
                    expected.add(line.substring(2));
                } else if (line.isBlank() && input != null) {
                    cases.add(new Case(input, List.copyOf(expected)));
                    input = null;
                    expected.clear();
                }
            }
        }
        assertThat(cases).hasSizeGreaterThan(40);
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_reply_given_whole_is_cut_into_its_sentences(Case sample) {
        assertThat(split(List.of(sample.input()))).isEqualTo(sample.sentences());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_reply_streamed_one_character_at_a_time_is_cut_the_same(Case sample) {
        assertThat(split(sample.input().chars().mapToObj(c -> String.valueOf((char) c)).toList()))
                .isEqualTo(sample.sentences());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void a_reply_streamed_in_tokens_is_cut_the_same(Case sample) {
        assertThat(split(tokens(sample.input()))).isEqualTo(sample.sentences());
        Random random = new Random(sample.input().hashCode());
        for (int run = 0; run < 20; run++) {
            assertThat(split(randomPieces(sample.input(), random))).isEqualTo(sample.sentences());
        }
    }

    @Test
    void each_sentence_is_handed_out_as_soon_as_the_next_one_begins() {
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(splitter.append("Hello")).isEmpty();
        assertThat(splitter.append("!")).isEmpty(); // "Hello!" could still be «Hello!» — she said
        assertThat(splitter.append(" How")).containsExactly("Hello!");
        assertThat(splitter.append(" are you?")).isEmpty();
        assertThat(splitter.finish()).containsExactly("How are you?");
    }

    @Test
    void a_line_break_ends_a_sentence_at_once() {
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(splitter.append("Here is the list:\n")).containsExactly("Here is the list:");
    }

    @Test
    void a_run_on_sentence_is_cut_at_a_clause_break_so_the_avatar_is_not_kept_silent() {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> out = new ArrayList<>();
        String clause = "and then the avatar kept talking about calls, modes and languages without a stop";
        for (int i = 0; i < 5; i++) {
            out.addAll(splitter.append(clause + ", "));
        }
        assertThat(out).isNotEmpty().allSatisfy(sentence -> {
            assertThat(sentence).endsWith(",");
            assertThat(sentence.length()).isLessThanOrEqualTo(SentenceSplitter.SOFT_LIMIT + clause.length());
        });
    }

    @Test
    void nothing_but_white_space_is_no_sentence() {
        SentenceSplitter splitter = new SentenceSplitter();
        assertThat(splitter.append(" \n \n")).isEmpty();
        assertThat(splitter.finish()).isEmpty();
    }

    private static List<String> split(List<String> pieces) {
        SentenceSplitter splitter = new SentenceSplitter();
        List<String> sentences = new ArrayList<>();
        pieces.forEach(piece -> sentences.addAll(splitter.append(piece)));
        sentences.addAll(splitter.finish());
        return sentences;
    }

    /** Pieces the way language models stream them: a word with the space before it, or a punctuation mark. */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = Pattern.compile("\\s*[\\p{L}\\p{N}]{1,5}|\\s*[^\\s\\p{L}\\p{N}]|\\s+").matcher(text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        assertThat(String.join("", tokens)).isEqualTo(text);
        return tokens;
    }

    private static List<String> randomPieces(String text, Random random) {
        List<String> pieces = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            int end = Math.min(text.length(), i + 1 + random.nextInt(6));
            pieces.add(text.substring(i, end));
            i = end;
        }
        return pieces;
    }
}
