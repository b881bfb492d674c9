package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import org.jspecify.annotations.Nullable;

/**
 * The avatar editor's rules, each with a message that says what to do: an id that makes a clean deep link and is
 * not taken, a face, a speed in range, and a persona in the avatar's own language.
 */
final class AvatarEditorBinding {

    private final AvatarEditor editor;
    private final AvatarDirectory avatars;

    AvatarEditorBinding(AvatarEditor editor, AvatarDirectory avatars) {
        this.editor = editor;
        this.avatars = avatars;
    }

    void bind() {
        var binder = editor.binder;
        binder.forField(editor.id)
                .asRequired(editor.getTranslation("admin.avatars.error.id-required"))
                .withValidator(id -> AvatarProfile.ID.matcher(id.strip()).matches(),
                        editor.getTranslation("admin.avatars.error.id"))
                .withValidator(id -> !editor.isCreating() || !isTaken(id.strip()),
                        editor.getTranslation("admin.avatars.error.id-taken"))
                .bind(form -> form.id, (form, id) -> form.id = id);
        binder.forField(editor.look)
                .asRequired(editor.getTranslation("admin.avatars.error.look"))
                .withConverter(AvatarEditorBinding::orEmpty, AvatarEditorBinding::orNone)
                .bind(form -> form.look, (form, look) -> form.look = look);
        binder.forField(editor.voice).withConverter(AvatarEditorBinding::orEmpty, AvatarEditorBinding::orNone)
                .bind(form -> form.voice, (form, voice) -> form.voice = voice);
        binder.forField(editor.context).withConverter(AvatarEditorBinding::orEmpty, AvatarEditorBinding::orNone)
                .bind(form -> form.context, (form, context) -> form.context = context);
        String speed = editor.getTranslation("admin.avatars.error.speed", AvatarProfile.MIN_SPEED,
                AvatarProfile.MAX_SPEED);
        binder.forField(editor.speed)
                .asRequired(speed)
                .withValidator(value -> value >= AvatarProfile.MIN_SPEED && value <= AvatarProfile.MAX_SPEED, speed)
                .bind(form -> form.speed, (form, value) -> form.speed = value);
        binder.forField(editor.emotion).bind(form -> form.emotion, (form, emotion) -> form.emotion = emotion);
        binder.forField(editor.startsIn).bind(form -> form.startsIn, (form, mode) -> form.startsIn = mode);
        for (String language : AvatarForm.LANGUAGES) {
            editor.personas.put(language, new PersonaFields(language, binder));
        }
        binder.forField(editor.language)
                .withValidator(language -> editor.personas.get(language).isUsed(),
                        editor.getTranslation("admin.avatars.error.language"))
                .bind(form -> form.language, (form, language) -> form.language = language);
    }

    /** A picker left empty holds null; the profile keeps an empty id for "none". */
    private static String orEmpty(@Nullable String picked) {
        return picked == null ? "" : picked;
    }

    private static @Nullable String orNone(String kept) {
        return kept.isEmpty() ? null : kept;
    }

    /** "new" is the address of the empty editor, so no avatar may be called that. */
    private boolean isTaken(String id) {
        return AvatarEditor.NEW.equals(id) || avatars.find(id).isPresent();
    }
}
