package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.telegram.miniapp.SignedInitData;
import app.avatarcall.testing.KaribuTest;
import app.avatarcall.testing.TestClock;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Admins listed by Telegram id get into the console by the initData Telegram signed, and nobody else does. */
@TestPropertySource(properties = {"telegram.bot-token=" + SignedInitData.BOT_TOKEN,
        "telegram.webapp-url=https://call.example.test/", "telegram.polling=false", "telegram.retries=0",
        "telegram.api-url=http://localhost:9", "telegram.bot-username=avatar_call_bot",
        "admin.telegram-ids=" + TelegramAdminSignInTest.OLGA})
class TelegramAdminSignInTest extends KaribuTest {

    static final long OLGA = 279058397;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    TestClock clock;
    @Autowired
    AuditLog audit;

    private LoginView openedInTelegramWith(String initData) {
        UI.getCurrent().navigate("admin/login");
        LoginView view = _get(LoginView.class);
        BasicUtilsKt._fireDomEvent(view.bridge, "telegram-launch",
                JSON.createObjectNode().put("event.detail.initData", initData));
        roundTrip();
        return view;
    }

    private static @Nullable Authentication sessionsAdmin() {
        Object context = VaadinSession.getCurrent().getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security ? security.getAuthentication() : null;
    }

    @Test
    void a_listed_telegram_admin_is_let_in_without_a_password_and_it_is_audited() {
        openedInTelegramWith(SignedInitData.forUser(OLGA, "Ольга", "ru", clock.instant().getEpochSecond()).toQuery());

        Authentication admin = sessionsAdmin();
        assertThat(admin).isNotNull();
        assertThat(admin.getName()).isEqualTo("tg:" + OLGA);
        assertThat(admin.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ADMIN");
        assertThat(audit.latest(3)).anySatisfy(entry -> {
            assertThat(entry.actor()).isEqualTo("tg:" + OLGA);
            assertThat(entry.action()).isEqualTo("admin.signed-in");
        });
    }

    @Test
    void with_telegram_admins_and_no_password_account_the_sign_in_page_offers_the_set_up_instead_of_forcing_it() {
        LoginView view = openedInTelegramWith("");
        assertThat(view.setUp.isVisible()).isTrue();
    }

    @Test
    void a_telegram_user_who_is_not_listed_stays_out_and_is_told_to_use_a_password() {
        LoginView view = openedInTelegramWith(
                SignedInitData.forUser(42, "Mallory", "en", clock.instant().getEpochSecond()).toQuery());

        assertThat(sessionsAdmin()).isNull();
        assertThat(view.refused.isVisible()).isTrue();
        assertThat(view.refused.getText()).startsWith("Mallory, your Telegram account is not an admin");
    }

    @Test
    void initData_forged_to_carry_an_admins_id_lets_nobody_in() {
        long now = clock.instant().getEpochSecond();
        String mallorysHash = SignedInitData.forUser(42, "Mallory", "en", now).hash();
        LoginView view = openedInTelegramWith(SignedInitData.forUser(OLGA, "Mallory", "en", now).toQuery(mallorysHash));

        assertThat(sessionsAdmin()).isNull();
        assertThat(view.refused.isVisible()).isFalse();
    }

    @Test
    void initData_older_than_the_window_is_a_replay_and_lets_nobody_in() {
        long yesterday = clock.instant().minusSeconds(86_400).getEpochSecond();
        openedInTelegramWith(SignedInitData.forUser(OLGA, "Ольга", "ru", yesterday).toQuery());

        assertThat(sessionsAdmin()).isNull();
    }
}
