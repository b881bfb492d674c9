package app.avatarcall.admin.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;

/**
 * Name, role, greeting and persona prompt in one language. English must be filled in; another language may be left
 * blank (the avatar then has no persona in it), but once anything is written in it, name and greeting are needed.
 */
final class PersonaFields extends Composite<FormLayout> {

    static final int MAX_NAME = 64;
    static final int MAX_ROLE = 128;
    static final int MAX_GREETING = 1000;
    static final int MAX_PROMPT = 4000;

    final TextField name = new TextField();
    final TextField role = new TextField();
    final TextArea greeting = new TextArea();
    final TextArea prompt = new TextArea();

    PersonaFields(String language, Binder<AvatarForm> binder) {
        boolean required = "en".equals(language);
        name.setLabel(getTranslation("admin.avatars.name"));
        role.setLabel(getTranslation("admin.avatars.role"));
        greeting.setLabel(getTranslation("admin.avatars.greeting"));
        prompt.setLabel(getTranslation("admin.avatars.prompt"));
        prompt.setHelperText(getTranslation("admin.avatars.prompt.hint"));
        name.setRequiredIndicatorVisible(required);
        greeting.setRequiredIndicatorVisible(required);
        bind(binder, name, language, MAX_NAME, required, Field.NAME);
        bind(binder, role, language, MAX_ROLE, false, Field.ROLE);
        bind(binder, greeting, language, MAX_GREETING, required, Field.GREETING);
        bind(binder, prompt, language, MAX_PROMPT, false, Field.PROMPT);
        getContent().add(name, role, greeting, prompt);
        getContent().setColspan(greeting, 2);
        getContent().setColspan(prompt, 2);
    }

    /** Whether anything is written in this language. */
    boolean isUsed() {
        return !(name.getValue().isBlank() && role.getValue().isBlank() && greeting.getValue().isBlank()
                && prompt.getValue().isBlank());
    }

    private enum Field { NAME, ROLE, GREETING, PROMPT }

    private void bind(Binder<AvatarForm> binder, com.vaadin.flow.component.HasValue<?, String> field, String language,
                      int max, boolean required, Field which) {
        boolean needed = which == Field.NAME || which == Field.GREETING;
        Validator<String> present = (value, context) -> needed && value.isBlank() && (required || isUsed())
                ? ValidationResult.error(getTranslation(which == Field.NAME ? "admin.avatars.error.name"
                        : "admin.avatars.error.greeting"))
                : ValidationResult.ok();
        binder.forField(field)
                .withValidator(present)
                .withValidator(value -> value.strip().length() <= max,
                        getTranslation("admin.avatars.error.too-long", max))
                .bind(form -> get(form.persona(language), which),
                        (form, value) -> set(form.persona(language), which, value));
    }

    private static String get(AvatarForm.PersonaForm persona, Field which) {
        return switch (which) {
            case NAME -> persona.name;
            case ROLE -> persona.role;
            case GREETING -> persona.greeting;
            case PROMPT -> persona.prompt;
        };
    }

    private static void set(AvatarForm.PersonaForm persona, Field which, String value) {
        switch (which) {
            case NAME -> persona.name = value;
            case ROLE -> persona.role = value;
            case GREETING -> persona.greeting = value;
            case PROMPT -> persona.prompt = value;
        }
    }
}
