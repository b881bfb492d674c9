package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reply written a few characters at a time into what a {@link ReplyListener} hears: the emotion (from the
 * leading tag, or else guessed from the words), then each sentence as soon as it is complete, cleaned for speech.
 * Not thread-safe: one per reply, fed from one thread.
 */
public final class ReplyReader {

    private final ReplyListener listener;
    private final SentenceSplitter splitter = new SentenceSplitter();
    private final EmotionTag tag = new EmotionTag();
    private final boolean tagged;
    private final List<String> said = new ArrayList<>();
    private boolean feeling;

    private ReplyReader(ReplyListener listener, boolean tagged) {
        this.listener = listener;
        this.tagged = tagged;
    }

    /** For a model asked to start with an emotion tag; without one, the lexicon guesses. */
    public static ReplyReader tagged(ReplyListener listener) {
        return new ReplyReader(listener, true);
    }

    /** For a reply whose emotion is known already. */
    public static ReplyReader feeling(ReplyListener listener, Emotion emotion) {
        ReplyReader reader = new ReplyReader(listener, false);
        reader.feel(emotion);
        return reader;
    }

    public void read(String piece) {
        String text = tagged ? tag.read(piece) : piece;
        if (tagged && tag.isDecided() && !feeling) {
            tag.emotion().ifPresent(this::feel);
        }
        splitter.append(text).forEach(this::say);
    }

    /** The reply is complete: says what is left. The listener's {@code finished} is the caller's to call. */
    public void end() {
        if (tagged) {
            read(tag.finish());
        }
        splitter.finish().forEach(this::say);
    }

    /** The sentences said so far, as said. */
    public List<String> said() {
        return List.copyOf(said);
    }

    private void say(String raw) {
        String sentence = SpokenText.of(raw);
        if (sentence.isEmpty()) {
            return;
        }
        if (!feeling) {
            EmotionLexicon.of(sentence).ifPresent(this::feel);
        }
        said.add(sentence);
        listener.sentence(sentence);
    }

    private void feel(Emotion emotion) {
        feeling = true;
        listener.emotion(emotion);
    }
}
