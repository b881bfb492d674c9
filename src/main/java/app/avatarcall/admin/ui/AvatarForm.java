package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.SpeechMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the avatar editor's binder edits: an {@link AvatarProfile} taken apart into fields that may be half filled in
 * while the operator types, and put together again once they are valid.
 */
final class AvatarForm {

    static final String[] LANGUAGES = {"en", "ru"};

    /** One language's persona as typed; a language left all blank has none. */
    static final class PersonaForm {
        String name = "";
        String role = "";
        String greeting = "";
        String prompt = "";

        boolean isBlank() {
            return name.isBlank() && role.isBlank() && greeting.isBlank() && prompt.isBlank();
        }
    }

    String id = "";
    String look = "";
    String voice = "";
    Double speed = 1.0;
    String emotion = "";
    String language = "en";
    SpeechMode startsIn = SpeechMode.TALK;
    String context = "";
    final Map<String, PersonaForm> personas = new LinkedHashMap<>();

    AvatarForm() {
        for (String language : LANGUAGES) {
            personas.put(language, new PersonaForm());
        }
    }

    static AvatarForm of(AvatarProfile avatar) {
        AvatarForm form = new AvatarForm();
        form.id = avatar.id();
        form.look = avatar.look();
        form.voice = avatar.voice();
        form.speed = avatar.voiceSpeed();
        form.emotion = avatar.voiceEmotion();
        form.language = avatar.language();
        form.startsIn = avatar.startsIn();
        form.context = avatar.context();
        avatar.personas().forEach((language, persona) -> {
            PersonaForm fields = form.persona(language);
            fields.name = persona.name();
            fields.role = persona.role();
            fields.greeting = persona.greeting();
            fields.prompt = persona.prompt();
        });
        return form;
    }

    PersonaForm persona(String language) {
        return personas.computeIfAbsent(language, any -> new PersonaForm());
    }

    /** The profile, once the binder found the fields valid; text is kept as typed, less its outer spaces. */
    AvatarProfile profile() {
        Map<String, AvatarProfile.Persona> kept = new LinkedHashMap<>();
        personas.forEach((language, persona) -> {
            if (!persona.isBlank()) {
                kept.put(language, new AvatarProfile.Persona(persona.name.strip(), persona.role.strip(),
                        persona.greeting.strip(), persona.prompt.strip()));
            }
        });
        return new AvatarProfile(id.strip(), look.strip(), voice.strip(), kept, language, startsIn,
                speed == null ? 1.0 : speed, emotion, context.strip());
    }
}
