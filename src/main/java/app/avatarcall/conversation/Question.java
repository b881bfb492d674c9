package app.avatarcall.conversation;

import app.avatarcall.avatar.AvatarProfile;
import java.util.Locale;

/**
 * What the person asked, and what a responder needs to answer in character: who the avatar is in the call's
 * language, the call's language, and what was said before in this call.
 *
 * @param avatarId the avatar's id, whose own knowledge counts besides the shared; empty: the shared only
 */
public record Question(String text, Locale callLocale, AvatarProfile.Persona persona, Memory memory, String avatarId) {

    public Question(String text, Locale callLocale, AvatarProfile.Persona persona, Memory memory) {
        this(text, callLocale, persona, memory, "");
    }

    /** {@code ru} or {@code en}: the language to answer in, the one the question is written in. */
    public String language() {
        return Languages.of(text, callLocale);
    }
}
