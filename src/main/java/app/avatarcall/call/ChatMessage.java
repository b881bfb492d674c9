package app.avatarcall.call;

/**
 * A line of the call's chat. The avatar's lines grow while it speaks ({@code complete} is false until it is done).
 */
public record ChatMessage(String id, Author author, String text, boolean complete) {

    public enum Author {
        PERSON, AVATAR
    }

    ChatMessage withText(String newText, boolean done) {
        return new ChatMessage(id, author, newText, done);
    }
}
