package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.SpeechMode;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.Locale;

/** The avatar editor's settings fields: their labels, hints and choices, in the operator's language. */
final class AvatarEditorLabels {

    private AvatarEditorLabels() {
    }

    static void apply(AvatarEditor editor) {
        editor.id.setLabel(editor.getTranslation("admin.avatars.id"));
        editor.id.setHelperText(editor.getTranslation("admin.avatars.id.hint"));
        editor.look.setLabel(editor.getTranslation("admin.avatars.look"));
        editor.voice.setLabel(editor.getTranslation("admin.avatars.voice"));
        editor.context.setLabel(editor.getTranslation("admin.avatars.context"));
        editor.context.setHelperText(editor.getTranslation("admin.avatars.context.hint"));
        editor.speed.setLabel(editor.getTranslation("admin.avatars.speed"));
        editor.speed.setHelperText(editor.getTranslation("admin.avatars.speed.hint"));
        editor.speed.setMin(AvatarProfile.MIN_SPEED);
        editor.speed.setMax(AvatarProfile.MAX_SPEED);
        // The field checks its range itself (before the binder does), so it must say the same as the binder.
        String outOfRange = editor.getTranslation("admin.avatars.error.speed", AvatarProfile.MIN_SPEED,
                AvatarProfile.MAX_SPEED);
        editor.speed.setI18n(new NumberField.NumberFieldI18n().setMinErrorMessage(outOfRange)
                .setMaxErrorMessage(outOfRange).setBadInputErrorMessage(outOfRange).setRequiredErrorMessage(outOfRange));
        editor.emotion.setLabel(editor.getTranslation("admin.avatars.emotion"));
        editor.emotion.setItems(AvatarEditor.EMOTIONS);
        editor.emotion.setItemLabelGenerator(tone ->
                editor.getTranslation("admin.avatars.emotion." + (tone.isEmpty() ? "none" : tone)));
        editor.language.setLabel(editor.getTranslation("admin.avatars.language"));
        editor.language.setItems(AvatarForm.LANGUAGES);
        editor.language.setItemLabelGenerator(code -> editor.getTranslation("admin.avatars.language." + code));
        editor.startsIn.setLabel(editor.getTranslation("admin.avatars.starts-in"));
        editor.startsIn.setItems(SpeechMode.TALK, SpeechMode.REPEAT);
        editor.startsIn.setItemLabelGenerator(mode ->
                editor.getTranslation("admin.avatars.mode." + mode.name().toLowerCase(Locale.ROOT)));
    }
}
