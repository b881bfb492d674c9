package app.avatarcall.branding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.testing.AppTest;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class BrandingsTest {

    @Autowired
    Brandings brandings;
    @Autowired
    AuditLog audit;

    @AfterEach
    void backToTheDefaultLook() {
        brandings.reset("test");
    }

    static Branding edited(Branding base, String accent, boolean captions, ScreenTexts texts) {
        return new Branding(accent, base.backgroundFrom(), base.backgroundTo(), Branding.Scheme.DARK,
                Branding.PortraitStyle.ROUNDED, Branding.ChatPlacement.BOTTOM, captions, Branding.Ringtone.SOFT, 80,
                false, base.logoVersion(), texts);
    }

    @Test
    void a_fresh_database_has_the_apps_own_look_so_nothing_changes_until_an_operator_edits() {
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);
        assertThat(brandings.logo()).isEmpty();
    }

    @Test
    void a_saved_branding_is_what_every_next_call_reads_with_its_texts_in_both_languages() {
        ScreenTexts texts = new ScreenTexts(Map.of(ScreenText.ACCEPT, " Answer "),
                Map.of(ScreenText.ACCEPT, "Ответить", ScreenText.ENDED, "До встречи!", ScreenText.DECLINE, "  "));
        brandings.save(edited(Branding.DEFAULT, "#FF0000", false, texts), null, "operator");

        Branding now = brandings.current();
        assertThat(now.accent()).isEqualTo("#ff0000");
        assertThat(now.scheme()).isEqualTo(Branding.Scheme.DARK);
        assertThat(now.captions()).isFalse();
        assertThat(now.ringtone()).isEqualTo(Branding.Ringtone.SOFT);
        assertThat(now.texts().of(Locale.ENGLISH, ScreenText.ACCEPT)).hasValue("Answer");
        assertThat(now.texts().of(Locale.forLanguageTag("ru"), ScreenText.ENDED)).hasValue("До встречи!");
        assertThat(now.texts().of(Locale.forLanguageTag("ru"), ScreenText.DECLINE)).isEmpty();
        assertThat(now.texts().of(Locale.GERMAN, ScreenText.ACCEPT)).hasValue("Answer");
    }

    @Test
    void every_save_is_audited_with_who_and_what_changed() {
        brandings.save(edited(Branding.DEFAULT, "#ff0000", false, ScreenTexts.NONE), null, "operator");
        AuditLog.Entry entry = audit.latest(1).getFirst();
        assertThat(entry.actor()).isEqualTo("operator");
        assertThat(entry.action()).isEqualTo("branding.saved");
        assertThat(entry.detail()).contains("accent #6366f1 → #ff0000").contains("captions true → false")
                .doesNotContain("background from");
    }

    @Test
    void a_bad_colour_or_an_overlong_text_is_never_saved() {
        Branding bad = edited(Branding.DEFAULT, "red", true, new ScreenTexts(
                Map.of(ScreenText.INCOMING_TITLE, "x".repeat(ScreenText.MAX_LENGTH + 1)), Map.of()));
        assertThat(bad.problems()).extracting(Branding.Problem::field)
                .containsExactlyInAnyOrder("accent", "text.en.INCOMING_TITLE");
        assertThatThrownBy(() -> brandings.save(bad, null, "operator")).isInstanceOf(IllegalArgumentException.class);
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);
    }

    @Test
    void a_logo_is_kept_until_it_is_taken_away_and_its_upload_is_audited() throws Exception {
        Logo logo = LogoImages.reencode(TestImages.image("png", 100, 40));
        brandings.save(Branding.DEFAULT, logo, "operator");
        assertThat(brandings.current().logoVersion()).isEqualTo(logo.version());
        assertThat(brandings.logo()).hasValueSatisfying(kept -> assertThat(kept.png()).isEqualTo(logo.png()));
        assertThat(audit.latest(2)).extracting(AuditLog.Entry::action)
                .containsExactlyInAnyOrder("branding.saved", "branding.logo-uploaded");

        brandings.save(edited(brandings.current(), "#00ff00", true, ScreenTexts.NONE), null, "operator");
        assertThat(brandings.current().hasLogo()).isTrue();
        brandings.save(brandings.current().withLogoVersion(""), null, "operator");
        assertThat(brandings.logo()).isEmpty();
    }

    @Test
    void reset_brings_back_the_apps_own_look_without_a_logo() throws Exception {
        brandings.save(edited(Branding.DEFAULT, "#123456", false, ScreenTexts.NONE),
                LogoImages.reencode(TestImages.image("png", 10, 10)), "operator");
        assertThat(brandings.reset("operator")).isEqualTo(Branding.DEFAULT);
        assertThat(brandings.logo()).isEmpty();
    }
}
