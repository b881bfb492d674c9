package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.ops.privacy.PersonalData;
import app.avatarcall.ops.privacy.Privacy;
import app.avatarcall.ops.privacy.PrivacySettings;
import app.avatarcall.ops.privacy.TelegramId;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
class PrivacyViewTest extends KaribuTest {

    @Autowired
    PrivacySettings settings;
    @Autowired
    PersonalData data;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    @AfterEach
    void defaultsAgain() {
        settings.change("test", new Privacy(false, 30));
    }

    private PrivacyView open() {
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/privacy");
        return _get(PrivacyView.class);
    }

    private TelegramId botUser(long id, String firstName) {
        jdbc.sql("insert into telegram_user (id, first_name, updated_at) values (?, ?, ?)")
                .params(id, firstName, Timestamp.from(clock.instant())).update();
        return new TelegramId(id);
    }

    @Test
    void somebody_not_signed_in_gets_the_sign_in_form_and_nothing_of_the_privacy_page() {
        UI.getCurrent().navigate("admin/privacy");
        _assertOne(LoginView.class);
        _assertNone(PrivacyView.class);
    }

    @Test
    void transcripts_are_shown_off_with_thirty_days_until_an_operator_turns_them_on_which_is_audited() {
        PrivacyView view = open();
        assertThat(view.transcripts.getValue()).isFalse();
        assertThat(view.retentionDays.getValue()).isEqualTo(30);

        _setValue(view.transcripts, true);
        _setValue(view.retentionDays, 90);
        _click(view.save);

        assertThat(settings.current()).isEqualTo(new Privacy(true, 90));
        assertThat(view.outcome.getText()).isEqualTo("Saved. Transcripts are kept for 90 days.");
        assertThat(audit.latest(1).getFirst()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("operator");
            assertThat(entry.action()).isEqualTo("privacy.transcripts-changed");
        });
    }

    @Test
    void a_retention_outside_one_to_3650_days_is_refused_at_the_field_and_nothing_changes() {
        PrivacyView view = open();
        _setValue(view.transcripts, true);
        for (Integer days : new Integer[] {0, 3651, null}) {
            _setValue(view.retentionDays, days);
            _click(view.save);
            assertThat(view.retentionDays.isInvalid()).as("%s days", days).isTrue();
            assertThat(view.retentionDays.getErrorMessage()).isEqualTo("Enter a number of days from 1 to 3,650.");
        }
        assertThat(settings.current()).isEqualTo(new Privacy(false, 30));
    }

    @Test
    void a_telegram_id_that_is_not_digits_is_refused_and_an_unknown_one_is_said_so() {
        PrivacyView view = open();
        _setValue(view.telegramId, "@lucia");
        _click(view.export);
        assertThat(view.telegramId.isInvalid()).isTrue();
        assertThat(view.telegramId.getErrorMessage()).isEqualTo("A Telegram user id is digits only, for example 123456789.");

        _setValue(view.telegramId, "987654321012");
        _click(view.erase);
        assertThat(view.telegramId.isInvalid()).isFalse();
        assertThat(view.outcome.getText()).isEqualTo("Nothing is kept of Telegram user 987654321012.");
        _assertNone(ConfirmDialog.class);
    }

    @Test
    void an_export_is_offered_as_a_json_download_and_audited() {
        TelegramId id = botUser(555000111L, "Lucia");
        PrivacyView view = open();
        _setValue(view.telegramId, String.valueOf(id.value()));
        _click(view.export);

        assertThat(view.download.isVisible()).isTrue();
        assertThat(view.download.getText()).isEqualTo("Download avatar-call-tg-555000111.json");
        assertThat(view.outcome.getText()).isEqualTo("The data of Telegram user 555000111 is ready to download.");
        assertThat(audit.latest(1).getFirst().action()).isEqualTo("privacy.exported");
        String json = new String(DownloadKt._download(view.download), StandardCharsets.UTF_8);
        assertThat(json).contains("\"telegramId\" : 555000111", "\"first_name\" : \"Lucia\"");
    }

    @Test
    void erasing_asks_first_listing_what_goes_and_then_deletes_it() {
        TelegramId id = botUser(555000222L, "Mateo");
        PrivacyView view = open();
        _setValue(view.telegramId, String.valueOf(id.value()));
        _click(view.erase);

        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Erase Telegram user 555000222?");
        assertThat(ConfirmDialogKt.getText(dialog)).isEqualTo("This deletes for good. Their record in the bot: yes. "
                + "Scheduled calls: 0 (rings: 0). Call records: 0. Transcript lines: 0.");
        assertThat(data.summary(id).known()).as("nothing goes before the confirmation").isTrue();

        ConfirmDialogKt._fireConfirm(dialog);
        assertThat(data.summary(id).known()).isFalse();
        assertThat(view.outcome.getText()).isEqualTo("Everything kept of Telegram user 555000222 is erased.");
        assertThat(audit.latest(1).getFirst()).satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("operator");
            assertThat(entry.action()).isEqualTo("privacy.erased");
        });
    }

    @Test
    void a_russian_operator_reads_the_page_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        PrivacyView view = open();
        assertThat(view.save.getText()).isEqualTo("Сохранить");
        assertThat(view.telegramId.getLabel()).isEqualTo("ID пользователя Telegram");
    }
}
