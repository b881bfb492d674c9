package app.avatarcall.avatar;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An avatar as operators set it up: its face, voice and persona in each language it speaks.
 *
 * @param id       the stable id deep links use ({@code /call/ava})
 * @param look     the vendor's avatar id, or the demo face's look
 * @param voice    the vendor's voice id, or a hint for the browser's speech synthesis
 * @param personas the persona per language; English is always present
 * @param language the avatar's own language: its persona for callers whose language it has no persona in
 * @param startsIn the mode a call with it starts in (Talk: it answers; Repeat: it says what it is given)
 * @param voiceSpeed   how fast it speaks, 1 being the voice's normal pace ({@link #MIN_SPEED}–{@link #MAX_SPEED})
 * @param voiceEmotion the voice's tone where the vendor has one ({@code friendly}, {@code serious}, …); empty: none
 * @param context  the vendor's context (its knowledge base and persona) where it has one; empty: none
 */
public record AvatarProfile(String id, String look, String voice, Map<String, Persona> personas, String language,
                            SpeechMode startsIn, double voiceSpeed, String voiceEmotion, String context) {

    /** What ids look like: they are in deep links ({@code /call/ava}), so lower-case letters, digits and hyphens. */
    public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{1,31}");
    public static final double MIN_SPEED = 0.5;
    public static final double MAX_SPEED = 1.5;

    /**
     * Name, role and greeting in one language, and the character a language model is to play ({@code prompt}: who
     * the avatar is, how it speaks; empty for none beyond name and role).
     */
    public record Persona(String name, String role, String greeting, String prompt) {

        /** A short salutation that opens a greeting ("Hi", "Hello", "Здравствуйте") and the mark after it. */
        private static final Pattern SALUTATION = Pattern.compile("^(\\p{L}+(?: \\p{L}+){0,2})([,.!?])");
        private static final int MAX_NAME = 64;

        public Persona(String name, String role, String greeting) {
            this(name, role, greeting, "");
        }

        /**
         * The greeting addressed to the person by first name when it is known: the name goes after the greeting's
         * opening salutation ("Hi! I'm Ava" → "Hi, Anna! I'm Ava"; "Здравствуйте, я Макс" → "Здравствуйте, Аня, я
         * Макс"), or before a greeting that opens otherwise. A blank name leaves the greeting as it is.
         */
        public String greeting(@Nullable String firstName) {
            String name = firstName == null ? "" : firstName.replaceAll("\\p{Cntrl}", "").strip();
            if (name.isEmpty()) {
                return greeting;
            }
            name = name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
            Matcher salutation = SALUTATION.matcher(greeting);
            return salutation.lookingAt()
                    ? salutation.group(1) + ", " + name + greeting.substring(salutation.end(1))
                    : name + ", " + greeting;
        }
    }

    /** An avatar of English first that answers, at its voice's normal pace and tone, with no vendor context. */
    public AvatarProfile(String id, String look, String voice, Map<String, Persona> personas) {
        this(id, look, voice, personas, "en", SpeechMode.TALK, 1.0, "", "");
    }

    public AvatarProfile {
        personas = Map.copyOf(personas);
        if (!personas.containsKey("en")) {
            throw new IllegalArgumentException("avatar " + id + " needs an English persona");
        }
        if (!personas.containsKey(language)) {
            throw new IllegalArgumentException("avatar " + id + " speaks " + language + " but has no persona in it");
        }
        if (!(voiceSpeed >= MIN_SPEED && voiceSpeed <= MAX_SPEED)) {
            throw new IllegalArgumentException("avatar " + id + ": voice speed " + voiceSpeed + " is out of range");
        }
    }

    public Persona persona(Locale locale) {
        return personas.getOrDefault(locale.getLanguage(), personas.get(language));
    }

    public AvatarSpec spec(Locale locale) {
        return new AvatarSpec(look, voice, locale, voiceSpeed, voiceEmotion, context);
    }
}
