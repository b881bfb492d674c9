package app.avatarcall.avatar;

import java.util.Locale;
import java.util.Map;

/**
 * An avatar as operators set it up: its face, voice and persona in each language it speaks.
 *
 * @param id       the stable id deep links use ({@code /call/ava})
 * @param look     the vendor's avatar id, or the demo face's look
 * @param voice    the vendor's voice id, or a hint for the browser's speech synthesis
 * @param personas the persona per language; English is always present
 */
public record AvatarProfile(String id, String look, String voice, Map<String, Persona> personas) {

    /**
     * Name, role and greeting in one language, and the character a language model is to play ({@code prompt}: who
     * the avatar is, how it speaks; empty for none beyond name and role).
     */
    public record Persona(String name, String role, String greeting, String prompt) {

        public Persona(String name, String role, String greeting) {
            this(name, role, greeting, "");
        }
    }

    public AvatarProfile {
        personas = Map.copyOf(personas);
        if (!personas.containsKey("en")) {
            throw new IllegalArgumentException("avatar " + id + " needs an English persona");
        }
    }

    public Persona persona(Locale locale) {
        return personas.getOrDefault(locale.getLanguage(), personas.get("en"));
    }

    public AvatarSpec spec(Locale locale) {
        return new AvatarSpec(look, voice, locale);
    }
}
