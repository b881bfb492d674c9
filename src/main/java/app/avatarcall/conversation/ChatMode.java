package app.avatarcall.conversation;

/** Talk: the avatar answers. Repeat: the avatar says the person's text word for word. */
public enum ChatMode {
    TALK, REPEAT
}
