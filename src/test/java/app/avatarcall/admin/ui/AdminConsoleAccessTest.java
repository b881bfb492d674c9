package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AdminAccounts;
import app.avatarcall.admin.AuditLog;
import app.avatarcall.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = {"admin.username=operator", "admin.password=correct horse battery"})
class AdminConsoleAccessTest extends KaribuTest {

    @Autowired
    AuditLog audit;
    @Autowired
    AdminAccounts accounts;


    @Test
    void somebody_not_signed_in_who_opens_the_console_gets_the_sign_in_form_and_nothing_of_the_console() {
        UI.getCurrent().navigate("admin");
        _assertOne(LoginView.class);
        _assertNone(AdminHome.class);
        _assertNone(AdminLayout.class);
        UI.getCurrent().navigate("admin/audit");
        _assertNone(AuditView.class);
    }

    @Test
    void a_signed_in_admin_sees_the_console_with_its_navigation() {
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin");
        _assertOne(AdminLayout.class);
        _assertOne(AdminHome.class);
        assertThat(_get(AdminHome.class).liveCalls.getText()).containsOnlyDigits();
        assertThat(_get(AdminHome.class).provider.getText()).isEqualTo("fake");
    }

    @Test
    void the_configured_account_exists_so_no_first_run_set_up_is_offered() {
        assertThat(accounts.needsSetUp()).isFalse();
        assertThat(accounts.usernames()).containsExactly("operator");
        UI.getCurrent().navigate("admin/setup");
        _assertOne(LoginView.class);
        assertThat(accounts.setUpFirst(accounts.currentSetUpCode(), "intruder", "a long enough password"))
                .isEqualTo(AdminAccounts.SetUp.TOO_LATE);
    }

    @Test
    void the_audit_log_lists_the_newest_change_first() {
        audit.record("operator", "avatar.saved", "ava: greeting");
        audit.record("tg:42", "branding.saved", "accent #ff0000");
        signInAsAdmin("operator");
        UI.getCurrent().navigate("admin/audit");
        var shown = com.github.mvysny.kaributesting.v10.GridKt._findAll(_get(AuditView.class).grid);
        assertThat(shown).extracting(AuditLog.Entry::action).startsWith("branding.saved", "avatar.saved");
    }

    @Test
    void a_russian_admin_reads_the_sign_in_form_in_russian() {
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate("admin/login");
        assertThat(_get(LoginView.class).texts.getForm().getSubmit()).isEqualTo("Войти");
    }
}
