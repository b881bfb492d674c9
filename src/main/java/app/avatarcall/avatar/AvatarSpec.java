package app.avatarcall.avatar;

import java.util.Locale;

/**
 * Who the avatar is for one session.
 *
 * @param look         the vendor's avatar id, or the demo face's look
 * @param voice        the vendor's voice id, or a voice hint for the browser's speech synthesis
 * @param language     the language the avatar speaks
 * @param voiceSpeed   how fast it speaks, 1 being the voice's normal pace
 * @param voiceEmotion the voice's tone where the vendor has one; empty: the voice's own
 * @param context      the vendor's context (knowledge base and persona) where it has one; empty: the configured one
 */
public record AvatarSpec(String look, String voice, Locale language, double voiceSpeed, String voiceEmotion,
                         String context) {

    public AvatarSpec(String look, String voice, Locale language) {
        this(look, voice, language, 1.0, "", "");
    }
}
