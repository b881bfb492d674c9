package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Guesses the feeling of a sentence from its words, in Russian and English, for replies whose model gave no emotion
 * tag. Deliberately small and cautious: a sentence with no clear word of feeling is neutral (empty).
 */
public final class EmotionLexicon {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;
    private static final Map<Emotion, Pattern> WORDS = new EnumMap<>(Map.of(
            Emotion.SAD, Pattern.compile("\\b(sorry|sad|unfortunately|regret\\w*|terrible|awful|condolences|"
                    + "heartbroken|жаль|сожале\\w*|извин\\w*|простите|грустн\\w*|печальн\\w*|ужасн\\w*|"
                    + "сочувству\\w*|к\\s+сожалению)\\b", FLAGS),
            Emotion.SURPRISED, Pattern.compile("\\b(wow|whoa|no\\s+way|amazing|incredible|unbelievable|surprising\\w*|"
                    + "ого|вау|неужели|удивительн\\w*|невероятн\\w*|ничего\\s+себе|надо\\s+же)\\b", FLAGS),
            Emotion.HAPPY, Pattern.compile("\\b(great|glad|happy|wonderful|awesome|fantastic|delighted|excellent|"
                    + "congratulations|congrats|yay|haha|love|рад|рада|рады|отлично|здорово|замечательн\\w*|"
                    + "прекрасн\\w*|поздравля\\w*|ура|чудесн\\w*|весел\\w*|ха-ха|люблю)\\b", FLAGS),
            Emotion.THINKING, Pattern.compile("\\b(hmm+|let\\s+me\\s+think|i\\s+wonder|perhaps|not\\s+sure|"
                    + "it\\s+depends|good\\s+question|хм+|дайте\\s+подумать|интересный\\s+вопрос|"
                    + "хороший\\s+вопрос|возможно|не\\s+уверен\\w*|зависит)\\b", FLAGS)));

    private EmotionLexicon() {
    }

    /** The feeling with the most words in the text (sad before surprised, happy and thinking on a tie). */
    public static Optional<Emotion> of(String text) {
        Emotion best = null;
        int bestCount = 0;
        for (Emotion emotion : new Emotion[] {Emotion.SAD, Emotion.SURPRISED, Emotion.HAPPY, Emotion.THINKING}) {
            int count = 0;
            for (Matcher matcher = WORDS.get(emotion).matcher(text); matcher.find(); ) {
                count++;
            }
            if (count > bestCount) {
                best = emotion;
                bestCount = count;
            }
        }
        return Optional.ofNullable(best);
    }
}
