package app.avatarcall.call;

import app.avatarcall.avatar.Emotion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The avatar's chat lines still in flight, and the utterances they are made of. A line is what the person sees as one
 * message: a greeting or a repeated text is one utterance; a Talk reply is one utterance per sentence, handed to the
 * avatar as the responder writes it. A line grows as it is spoken (captions) and is complete when nothing more will
 * be written and all that was written has been said, or when it is cut short. Thread-safe.
 */
final class ChatLines {

    private record Utterance(String id, String text) {
    }

    private static final class Line {
        final String id;
        final List<Utterance> pending = new ArrayList<>();
        final StringBuilder said = new StringBuilder();
        String caption = "";
        boolean written;
        Emotion emotion = Emotion.NEUTRAL;

        Line(String id) {
            this.id = id;
        }

        String soFar() {
            return join(said.toString(), caption);
        }
    }

    private final Map<String, Line> lines = new HashMap<>();
    private final Map<String, Line> byUtterance = new HashMap<>();
    private int opened;

    /** A line that its writer will fill sentence by sentence; shown at once, empty (the avatar is thinking). */
    synchronized ChatMessage open(String lineId) {
        Line line = new Line(lineId);
        lines.put(lineId, line);
        opened++;
        return message(line, "", false);
    }

    /** A line of one utterance; {@code text} may be empty when only the captions will tell what is said. */
    synchronized ChatMessage say(String utteranceId, String text) {
        Line line = new Line(utteranceId);
        line.written = true;
        lines.put(utteranceId, line);
        opened++;
        add(line, utteranceId, text);
        return message(line, "", false);
    }

    /** The avatar was handed one more sentence of an open line. */
    synchronized void add(String lineId, String utteranceId, String text) {
        Line line = lines.get(lineId);
        if (line != null) {
            add(line, utteranceId, text);
        }
    }

    private void add(Line line, String utteranceId, String text) {
        line.pending.add(new Utterance(utteranceId, text));
        byUtterance.put(utteranceId, line);
    }

    /** The line's feeling is known: it shows as a small reaction beside it. */
    synchronized Optional<ChatMessage> feel(String lineId, Emotion emotion) {
        Line line = lines.get(lineId);
        if (line == null) {
            return Optional.empty();
        }
        line.emotion = emotion;
        return Optional.of(message(line, line.soFar(), false));
    }

    /** The caption of an utterance grew; empty when the utterance is unknown or its line is over. */
    synchronized Optional<ChatMessage> caption(String utteranceId, String spoken) {
        Line line = byUtterance.get(utteranceId);
        if (line == null) {
            return Optional.empty();
        }
        line.caption = spoken;
        return Optional.of(message(line, line.soFar(), false));
    }

    /** The avatar stopped saying an utterance: all of it, or (interrupted) what it got to say of its line. */
    synchronized Optional<ChatMessage> ended(String utteranceId, boolean interrupted) {
        Line line = byUtterance.remove(utteranceId);
        if (line == null) {
            return Optional.empty();
        }
        if (interrupted) {
            return cut(line);
        }
        Utterance utterance = line.pending.stream().filter(u -> u.id().equals(utteranceId)).findFirst().orElseThrow();
        line.pending.remove(utterance);
        // An avatar that answers itself tells the text only as it speaks it: then what it said is the whole utterance.
        String said = utterance.text().isEmpty() ? line.caption : utterance.text();
        line.said.replace(0, line.said.length(), join(line.said.toString(), said));
        line.caption = "";
        return Optional.of(completeIfDone(line));
    }

    /** Nothing more will be written on the line; it is complete once the avatar has said what it was given. */
    synchronized Optional<ChatMessage> written(String lineId) {
        Line line = lines.get(lineId);
        if (line == null) {
            return Optional.empty();
        }
        line.written = true;
        return Optional.of(completeIfDone(line));
    }

    /** The line is cut short (the person spoke, or the avatar was stopped): it keeps what was said, marked as cut. */
    synchronized Optional<ChatMessage> cut(String lineId) {
        Line line = lines.get(lineId);
        return line == null ? Optional.empty() : cut(line);
    }

    /** Every line in flight is cut short (barge-in): vendors do not always tell about utterances they dropped. */
    synchronized List<ChatMessage> cutAll() {
        return List.copyOf(lines.values()).stream().map(this::cut).flatMap(Optional::stream).toList();
    }

    private Optional<ChatMessage> cut(Line line) {
        forget(line);
        String soFar = line.soFar();
        return Optional.of(message(line, soFar.isBlank() ? "…" : soFar.strip() + " …", true));
    }

    private ChatMessage completeIfDone(Line line) {
        if (line.written && line.pending.isEmpty()) {
            forget(line);
            return message(line, line.said.toString(), true);
        }
        return message(line, line.soFar(), false);
    }

    private void forget(Line line) {
        lines.remove(line.id);
        line.pending.forEach(utterance -> byUtterance.remove(utterance.id()));
        line.pending.clear();
    }

    /** True while any avatar line is in flight: being thought of, written or said. */
    synchronized boolean busy() {
        return !lines.isEmpty();
    }

    /** How many avatar lines the call has had. */
    synchronized int opened() {
        return opened;
    }

    private static ChatMessage message(Line line, String text, boolean complete) {
        return new ChatMessage(line.id, ChatMessage.Author.AVATAR, text, complete, line.emotion);
    }

    private static String join(String before, String after) {
        if (before.isEmpty()) {
            return after;
        }
        return after.isEmpty() ? before : before + " " + after;
    }
}
