package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a knowledge-base file: entries separated by blank lines, each with one or more {@code Q:} lines, one
 * {@code A:} line and an optional {@code E:} emotion. Lines starting with {@code #} are comments.
 */
final class FaqFile {

    private FaqFile() {
    }

    static List<FaqEntry> read(InputStream in, String language) {
        List<FaqEntry> entries = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        String answer = null;
        Emotion emotion = Emotion.NEUTRAL;
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                String text = line == null ? "" : line.strip();
                if (text.isEmpty()) {
                    if (answer != null && !questions.isEmpty()) {
                        entries.add(new FaqEntry(language, List.copyOf(questions), answer, emotion));
                    }
                    questions.clear();
                    answer = null;
                    emotion = Emotion.NEUTRAL;
                    if (line == null) {
                        return entries;
                    }
                } else if (text.startsWith("Q:")) {
                    questions.add(text.substring(2).strip());
                } else if (text.startsWith("A:")) {
                    answer = text.substring(2).strip();
                } else if (text.startsWith("E:")) {
                    emotion = Emotion.valueOf(text.substring(2).strip().toUpperCase(Locale.ROOT));
                } else if (!text.startsWith("#")) {
                    throw new IllegalArgumentException("unexpected line in knowledge file: " + text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
