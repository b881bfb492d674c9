package app.avatarcall.conversation;

import app.avatarcall.avatar.Emotion;

/** What the avatar answers, and with which face. */
public record Reply(String text, Emotion emotion) {
}
