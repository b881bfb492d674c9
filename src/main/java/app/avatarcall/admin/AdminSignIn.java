package app.avatarcall.admin;

import app.avatarcall.telegram.miniapp.TelegramUser;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.stereotype.Service;

/**
 * Lets a Telegram user into the console when the configuration lists their id and Telegram vouched for them (the
 * Mini App's validated {@code initData}): no password, and nothing the page claims about itself counts.
 */
@Service
public class AdminSignIn {

    private final AdminProperties properties;
    private final AuditLog audit;

    AdminSignIn(AdminProperties properties, AuditLog audit) {
        this.properties = properties;
        this.audit = audit;
    }

    /** Whether anybody can get in through Telegram: then the console's sign-in page is useful before any account. */
    public boolean hasTelegramAdmins() {
        return !properties.telegramIds().isEmpty();
    }

    public Optional<Authentication> telegram(TelegramUser user) {
        if (!properties.isTelegramAdmin(user.id())) {
            return Optional.empty();
        }
        audit.record(user.person(), "admin.signed-in", "through Telegram as " + user.firstName());
        return Optional.of(UsernamePasswordAuthenticationToken.authenticated(user.person(), null,
                AuthorityUtils.createAuthorityList("ROLE_" + AdminAccounts.ROLE)));
    }
}
