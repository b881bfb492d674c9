package app.avatarcall.avatar;

/** What a session asks the browser's stage to do. */
public sealed interface StageCommand {

    /** Say {@code text} (demo face: speech synthesis, or timed captions when no voice exists). */
    record Speak(String utteranceId, String text, String languageTag) implements StageCommand {
    }

    /** Stop speaking now and drop anything queued. */
    record Interrupt() implements StageCommand {
    }

    /** Publish a message on the media connection's data channel (LiveKit), reliably, under a topic. */
    record Publish(String topic, String payload) implements StageCommand {
    }

    /** Show an expression. */
    record ShowEmotion(Emotion emotion) implements StageCommand {
    }
}
