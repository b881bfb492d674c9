package app.avatarcall.branding.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.Brandings;
import app.avatarcall.branding.TestImages;
import app.avatarcall.testing.KaribuTest;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.login.LoginForm;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
class BrandingViewTest extends KaribuTest {

    @Autowired
    Brandings brandings;
    @Autowired
    AuditLog audit;

    @AfterEach
    void backToTheDefaultLook() {
        brandings.reset("test");
    }

    private static BrandingView open() {
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/branding");
        return _get(BrandingView.class);
    }

    /** As the operator typing: a change from the client, so that every listener runs. */
    private static <V> void type(HasValue<?, V> field, V value) {
        HasValueUtilsKt._setValue(field, value);
        roundTrip();
    }

    private static String previewAccent(BrandingView view) {
        return view.preview.getElement().getStyle().get("--brand-accent");
    }

    @Test
    void somebody_not_signed_in_gets_the_sign_in_form_and_nothing_of_the_branding() {
        UI.getCurrent().navigate("admin/branding");
        _assertNone(BrandingView.class);
        assertThat(_find(LoginForm.class)).hasSize(1);
    }

    @Test
    void the_page_shows_the_saved_branding_and_the_real_ringing_screen_at_phone_size() {
        BrandingView view = open();
        assertThat(view.getClassNames()).contains("admin-page");
        assertThat(view.form.accent.value()).isEqualTo(Branding.DEFAULT.accent());
        assertThat(view.preview.getClassNames()).contains("call-view", "call-preview");
        assertThat(_get(view.preview, Paragraph.class, spec -> spec.withClasses("incoming-kind")).getText())
                .isEqualTo("Video call…");
        assertThat(view.save.getText()).isEqualTo("Save");
    }

    @Test
    void the_preview_follows_every_edit_before_anything_is_saved() {
        BrandingView view = open();
        type(view.form.accent.hex, "#ff0000");
        type(view.form.texts.get("en.ACCEPT"), "Answer");
        type(view.form.scheme, Branding.Scheme.LIGHT);

        assertThat(previewAccent(view)).isEqualTo("#ff0000");
        assertThat(view.preview.getClassNames()).contains("brand-scheme-light");
        assertThat(_find(view.preview, Span.class, spec -> spec.withText("Answer"))).hasSize(1);
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);
    }

    @Test
    void a_bad_colour_and_an_overlong_text_are_marked_and_nothing_is_saved() {
        BrandingView view = open();
        type(view.form.accent.hex, "#12345g");
        type(view.form.texts.get("ru.ENDED"), "x".repeat(61));
        ButtonKt._click(view.save);

        assertThat(view.form.accent.hex.isInvalid()).isTrue();
        assertThat(view.form.accent.hex.getErrorMessage()).isEqualTo(
                "Enter a colour as # and six hexadecimal digits, such as #6366f1.");
        assertThat(view.form.texts.get("ru.ENDED").getErrorMessage()).isEqualTo("At most 60 characters.");
        assertThat(previewAccent(view)).as("the preview keeps the last good draft").isEqualTo("#6366f1");
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);
    }

    @Test
    void saving_applies_to_the_next_call_and_is_audited_under_the_admins_name() {
        BrandingView view = open();
        type(view.form.accent.hex, "#ff0000");
        type(view.form.captions, false);
        ButtonKt._click(view.save);

        AuditLog.Entry entry = audit.latest(1).getFirst();
        assertThat(entry.actor()).isEqualTo("operator");
        assertThat(entry.action()).isEqualTo("branding.saved");
        assertThat(entry.detail()).contains("accent #6366f1 → #ff0000", "captions true → false");

        UI.getCurrent().navigate("");
        Div call = _get(Div.class, spec -> spec.withClasses("call-view"));
        assertThat(call.getElement().getStyle().get("--brand-accent")).isEqualTo("#ff0000");
        assertThat(call.getClassNames()).contains("brand-no-captions");
    }

    @Test
    void reset_goes_back_to_the_apps_own_look_and_is_audited() {
        BrandingView view = open();
        type(view.form.accent.hex, "#ff0000");
        ButtonKt._click(view.save);
        ButtonKt._click(view.reset);
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);
        assertThat(view.form.accent.value()).isEqualTo("#6366f1");
        assertThat(audit.latest(1).getFirst().detail()).contains("accent #ff0000 → #6366f1");
    }

    @Test
    void a_png_logo_shows_in_the_preview_at_once_and_goes_live_on_save() {
        BrandingView view = open();
        UploadKt._upload(view.logo.upload, "logo.png", "image/png", TestImages.image("png", 200, 80));
        roundTrip();

        Image logo = _get(view.preview, Image.class, spec -> spec.withClasses("call-logo"));
        assertThat(logo.getSrc()).startsWith("data:image/png;base64,");
        assertThat(brandings.current().hasLogo()).as("not before Save").isFalse();
        ButtonKt._click(view.save);
        assertThat(brandings.current().hasLogo()).isTrue();
        assertThat(audit.latest(2)).extracting(AuditLog.Entry::action).contains("branding.logo-uploaded");
        assertThat(_get(view.preview, Image.class, spec -> spec.withClasses("call-logo")).getSrc())
                .isEqualTo("branding/logo?v=" + brandings.current().logoVersion());

        ButtonKt._click(view.logo.remove);
        ButtonKt._click(view.save);
        assertThat(brandings.current().hasLogo()).isFalse();
    }

    @Test
    void an_svg_logo_is_refused_with_a_clear_message_in_the_admins_language() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        BrandingView view = open();
        byte[] svg = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);
        UploadKt._upload(view.logo.upload, "logo.png", "image/png", svg);
        roundTrip();

        assertThat(view.logo.error.getText()).startsWith("Файлы SVG не принимаются");
        assertThat(view.logo.pending).isNull();
        assertThat(_find(view.preview, Image.class, spec -> spec.withClasses("call-logo"))).isEmpty();
    }

    @Test
    void an_oversized_or_damaged_file_is_refused_with_what_to_do_instead() {
        BrandingView view = open();
        UploadKt._upload(view.logo.upload, "big.png", "image/png", new byte[3 * 1024 * 1024]);
        roundTrip();
        assertThat(view.logo.error.getText()).isEqualTo("This file is larger than 2 MB. Upload a smaller picture.");
        UploadKt._upload(view.logo.upload, "broken.jpg", "image/jpeg", new byte[] {(byte) 0xff, (byte) 0xd8, 1, 2});
        roundTrip();
        assertThat(view.logo.error.getText()).startsWith("This file is not a picture that can be read");
    }

    @Test
    void the_preview_shows_the_russian_words_when_previewed_in_russian() {
        BrandingView view = open();
        type(view.form.texts.get("ru.INCOMING_TITLE"), "Вам звонит консультант");
        assertThat(_get(view.preview, Paragraph.class, spec -> spec.withClasses("incoming-kind")).getText())
                .isEqualTo("Video call…");
        type(view.previewLanguage, Locale.forLanguageTag("ru"));
        assertThat(_get(view.preview, Paragraph.class, spec -> spec.withClasses("incoming-kind")).getText())
                .isEqualTo("Вам звонит консультант");
        assertThat(_find(view.preview, Span.class, spec -> spec.withText("Принять"))).hasSize(1);
    }

    @Test
    void the_operator_can_listen_to_the_chosen_ringtone_and_stop_it() {
        BrandingView view = open();
        type(view.form.ringtone, Branding.Ringtone.DIGITAL);
        ButtonKt._click(view.listen);
        var tone = view.preview.getElement().getChildren().filter(child -> child.getTag().equals("ring-tone")).toList();
        assertThat(tone).singleElement().satisfies(element -> assertThat(element.getAttribute("tone")).isEqualTo("digital"));
        assertThat(view.listen.getElement().getAttribute("aria-pressed")).isEqualTo("true");
        ButtonKt._click(view.listen);
        assertThat(view.preview.getElement().getChildren().filter(child -> child.getTag().equals("ring-tone"))).isEmpty();
    }
}
