package app.avatarcall.avatar;

import java.util.Locale;

/**
 * Who the avatar is for one session.
 *
 * @param look     the vendor's avatar id, or the demo face's look
 * @param voice    the vendor's voice id, or a voice hint for the browser's speech synthesis
 * @param language the language the avatar speaks
 */
public record AvatarSpec(String look, String voice, Locale language) {
}
