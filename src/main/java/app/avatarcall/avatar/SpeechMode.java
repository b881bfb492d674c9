package app.avatarcall.avatar;

/** How the avatar treats a text it is given. */
public enum SpeechMode {
    /** Say the text word for word. */
    REPEAT,
    /** Answer the text with the vendor's own language model (only where {@link AvatarSession#answersItself()}). */
    TALK
}
