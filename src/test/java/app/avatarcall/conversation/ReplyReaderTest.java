package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.Emotion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyReaderTest {

    /** Writes down what a listener hears, in order. */
    static final class Heard implements ReplyListener {
        final List<String> events = new ArrayList<>();

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
        }
    }

    @Test
    void the_tagged_emotion_comes_before_the_first_sentence_and_each_sentence_as_soon_as_it_is_complete() {
        Heard heard = new Heard();
        ReplyReader reader = ReplyReader.tagged(heard);

        for (String token : List.of("[", "happy", "]", " Hi", "!", " I'm", " **Ava**", ".", " Ask", " me")) {
            reader.read(token);
        }
        assertThat(heard.events).containsExactly("emotion HAPPY", "say Hi!", "say I'm Ava.");

        reader.end();
        assertThat(heard.events).containsExactly("emotion HAPPY", "say Hi!", "say I'm Ava.", "say Ask me");
    }

    @Test
    void without_a_tag_the_lexicon_finds_the_feeling_before_the_sentence_that_shows_it() {
        Heard heard = new Heard();
        ReplyReader reader = ReplyReader.tagged(heard);

        reader.read("The demo is free. Unfortunately, video avatars cost money. Bye.");
        reader.end();

        assertThat(heard.events).containsExactly("say The demo is free.", "emotion SAD",
                "say Unfortunately, video avatars cost money.", "say Bye.");
    }

    @Test
    void a_known_emotion_is_told_at_once_and_no_lexicon_overrides_it() {
        Heard heard = new Heard();
        ReplyReader reader = ReplyReader.feeling(heard, Emotion.THINKING);

        reader.read("Great question. I'm not sure.");
        reader.end();

        assertThat(heard.events).containsExactly("emotion THINKING", "say Great question.", "say I'm not sure.");
        assertThat(reader.said()).containsExactly("Great question.", "I'm not sure.");
    }

    @Test
    void an_emoji_alone_is_not_said() {
        Heard heard = new Heard();
        ReplyReader reader = ReplyReader.tagged(heard);

        reader.read("[neutral] Done.\n😊\n");
        reader.end();

        assertThat(heard.events).containsExactly("emotion NEUTRAL", "say Done.");
    }
}
