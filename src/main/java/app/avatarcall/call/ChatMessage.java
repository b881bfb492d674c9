package app.avatarcall.call;

import app.avatarcall.avatar.Emotion;

/**
 * A line of the call's chat. The avatar's lines grow while it speaks ({@code complete} is false until it is done) and
 * carry the feeling of the reply, which the chat shows as a small reaction ({@link Emotion#NEUTRAL}: none).
 */
public record ChatMessage(String id, Author author, String text, boolean complete, Emotion emotion) {

    public enum Author {
        PERSON, AVATAR
    }

    public ChatMessage(String id, Author author, String text, boolean complete) {
        this(id, author, text, complete, Emotion.NEUTRAL);
    }
}
