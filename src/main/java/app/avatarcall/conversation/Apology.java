package app.avatarcall.conversation;

/** What the avatar says when it cannot answer: short, in the person's language, and the call goes on. */
public final class Apology {

    private Apology() {
    }

    /** {@code midReply}: some of the answer was already said. */
    public static String of(String language, boolean midReply) {
        if ("ru".equals(language)) {
            return midReply ? "Извините, не получается договорить. Спросите ещё раз?"
                    : "Извините, сейчас не получается ответить. Попробуйте ещё раз через минуту.";
        }
        return midReply ? "Sorry, I can't finish that thought right now. Could you ask again?"
                : "Sorry, I can't answer right now. Please try again in a minute.";
    }
}
