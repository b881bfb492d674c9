package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.SpeechMode;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import java.util.Locale;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class AvatarEditorTest extends ConsoleTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    private AvatarEditor open(String route) {
        UI.getCurrent().navigate(route);
        return _get(AvatarEditor.class);
    }

    private static void fillInNina(AvatarEditor editor) {
        editor.id.setValue("nina");
        ComboBoxKt._fireCustomValueSet(editor.look, "ava");
        ComboBoxKt._fireCustomValueSet(editor.voice, "female");
        editor.speed.setValue(1.2);
        editor.emotion.setValue("friendly");
        editor.language.setValue("ru");
        editor.startsIn.setValue(SpeechMode.REPEAT);
        PersonaFields english = editor.personas.get("en");
        english.name.setValue("Nina");
        english.role.setValue("Language partner");
        english.greeting.setValue("Hi, I'm Nina! Let's practise.");
        PersonaFields russian = editor.personas.get("ru");
        russian.name.setValue("Нина");
        russian.role.setValue("Языковой партнёр");
        russian.greeting.setValue("Привет, я Нина! Давайте поговорим.");
        russian.prompt.setValue("Ты терпеливая и говоришь просто.");
    }

    private static String error(Component field) {
        HasValidation validated = (HasValidation) field;
        return validated.isInvalid() ? Objects.requireNonNullElse(validated.getErrorMessage(), "") : "";
    }

    /** The title of the call page at {@code route} (with its query): the name of the avatar it rings. */
    private static String ringing(String route, QueryParameters query) {
        UI.getCurrent().navigate(route, query);
        var view = _get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("call-view"));
        return ((HasDynamicTitle) view).getPageTitle();
    }

    @Test
    void an_operator_adds_a_russian_avatar_and_a_deep_link_rings_it() {
        AvatarEditor editor = open("admin/avatars/new");
        assertThat(editor.getClassNames()).contains("admin-page");
        fillInNina(editor);
        assertThat(editor.face.getName()).isEqualTo("ava"); // the chosen face beside its picker
        ButtonKt._click(editor.save);

        AvatarProfile nina = avatars.find("nina").orElseThrow();
        assertThat(nina.language()).isEqualTo("ru");
        assertThat(nina.voiceSpeed()).isEqualTo(1.2);
        assertThat(nina.spec(RU).voiceEmotion()).isEqualTo("friendly");
        assertThat(lastAudit().action()).isEqualTo("avatar.saved");
        assertThat(lastAudit().actor()).isEqualTo("operator");
        _get(AvatarsView.class); // back at the list

        UI.getCurrent().setLocale(RU);
        assertThat(ringing("call/nina", QueryParameters.empty())).isEqualTo("Нина · Avatar Call");
        assertThat(nina.startsIn()).isEqualTo(SpeechMode.REPEAT); // a call starts in it: CallViewDraftTest
    }

    @Test
    void a_form_with_mistakes_says_what_to_fix_and_saves_nothing() {
        AvatarEditor editor = open("admin/avatars/new");
        fillInNina(editor);
        editor.id.setValue("Nina Petrova");
        editor.speed.setValue(3.0);
        editor.personas.get("en").greeting.setValue("");
        editor.personas.get("ru").name.setValue("x".repeat(PersonaFields.MAX_NAME + 1));
        ButtonKt._click(editor.save);

        assertThat(error(editor.id)).isEqualTo("Use 2 to 32 lower-case Latin letters, digits or hyphens, starting with a letter.");
        assertThat(error(editor.speed)).isEqualTo("Enter a speed from 0.5 to 1.5.");
        assertThat(error(editor.personas.get("en").greeting)).isEqualTo("Enter a greeting.");
        assertThat(error(editor.personas.get("ru").name)).isEqualTo("At most 64 characters.");
        assertThat(avatars.all()).extracting(AvatarProfile::id).doesNotContain("nina", "Nina Petrova");
    }

    @Test
    void a_taken_id_a_missing_face_and_a_language_without_its_persona_are_refused() {
        AvatarEditor editor = open("admin/avatars/new");
        fillInNina(editor);
        editor.id.setValue("max");
        editor.look.clear();
        PersonaFields russian = editor.personas.get("ru");
        for (var field : new com.vaadin.flow.component.HasValue<?, ?>[] {russian.name, russian.role, russian.greeting,
                russian.prompt}) {
            field.clear();
        }
        ButtonKt._click(editor.save);

        assertThat(error(editor.id)).isEqualTo("This id is already taken. Choose another one.");
        assertThat(error(editor.look)).isEqualTo("Choose a face.");
        assertThat(error(editor.language)).isEqualTo("Fill in the persona in this language first.");
        assertThat(avatars.find("max").orElseThrow().persona(Locale.ENGLISH).name()).isEqualTo("Max");
    }

    @Test
    void a_russian_operator_reads_what_to_fix_in_russian() {
        UI.getCurrent().setLocale(RU);
        AvatarEditor editor = open("admin/avatars/new");
        ButtonKt._click(editor.save);

        assertThat(error(editor.id)).isEqualTo("Введите идентификатор.");
        assertThat(error(editor.personas.get("en").name)).isEqualTo("Введите имя.");
        assertThat(error(editor.personas.get("en").greeting)).isEqualTo("Введите приветствие.");
    }

    @Test
    void editing_max_keeps_his_id_and_the_next_call_has_the_change() {
        AvatarEditor editor = open("admin/avatars/max");
        assertThat(editor.isCreating()).isFalse();
        assertThat(editor.id.isReadOnly()).isTrue();
        assertThat(editor.personas.get("ru").name.getValue()).isEqualTo("Макс");
        editor.personas.get("en").name.setValue("Maxim");
        ButtonKt._click(editor.save);

        assertThat(ringing("call/max", QueryParameters.empty())).isEqualTo("Maxim · Avatar Call");
        assertThat(avatars.find("max").orElseThrow().persona(RU).name()).isEqualTo("Макс");
    }

    @Test
    void a_test_call_rings_the_unsaved_settings_and_saves_nothing() {
        AvatarEditor editor = open("admin/avatars/ava");
        editor.personas.get("en").name.setValue("Ava (trying out)");
        editor.startsIn.setValue(SpeechMode.REPEAT);
        ButtonKt._click(editor.testCall);

        assertThat(avatars.find("ava").orElseThrow().persona(Locale.ENGLISH).name()).isEqualTo("Ava");
        String url = Objects.requireNonNull(editor.testCallUrl);
        assertThat(url).startsWith("call/ava?draft=");
        assertThat(ringing("call/ava", QueryParameters.fromString(url.substring(url.indexOf('?') + 1))))
                .isEqualTo("Ava (trying out) · Avatar Call");
        assertThat(ringing("call/ava", QueryParameters.empty())).isEqualTo("Ava · Avatar Call");
    }

    @Test
    void a_test_call_with_mistakes_opens_nothing() {
        AvatarEditor editor = open("admin/avatars/ava");
        editor.personas.get("en").name.setValue("");
        ButtonKt._click(editor.testCall);
        assertThat(editor.testCallUrl).isNull();
    }

    @Test
    void the_address_of_an_avatar_that_does_not_exist_leads_back_to_the_list() {
        UI.getCurrent().navigate("admin/avatars/nobody");
        _get(AvatarsView.class);
    }
}
