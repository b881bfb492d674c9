package app.avatarcall.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operators' accounts, passwords kept as hashes only. The account the configuration names is created (or its
 * password changed) at start-up; with none configured and none in the database, the first person to open the
 * console sets one up ({@link #setUpFirst}).
 */
@Service
public class AdminAccounts implements UserDetailsService {

    public static final String ROLE = "ADMIN";
    private static final Logger log = LoggerFactory.getLogger(AdminAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AdminProperties properties;
    private final AuditLog audit;
    private final Clock clock;
    /** Proves the first-run operator can read the server's log; made anew at every start. */
    private final String setUpCode = setUpCode();

    AdminAccounts(JdbcClient jdbc, PasswordEncoder encoder, AdminProperties properties, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /** What {@link #setUpFirst} made of a request. */
    public enum SetUp { CREATED, WRONG_CODE, TOO_LATE }

    @EventListener(ApplicationReadyEvent.class)
    void applyConfiguredAccount() {
        if (properties.username().isBlank() || properties.password().isBlank()) {
            if (needsSetUp()) {
                log.warn("No admin account yet: open /admin/setup and enter the set-up code {} (or set ADMIN_USERNAME "
                        + "and ADMIN_PASSWORD)", setUpCode);
            }
            return;
        }
        Optional<String> hash = hashOf(properties.username());
        if (hash.isPresent() && encoder.matches(properties.password(), hash.get())) {
            return;
        }
        save(properties.username(), properties.password());
        audit.record("configuration", hash.isPresent() ? "admin.password-changed" : "admin.created",
                properties.username());
        log.info("admin account {} set from the configuration", properties.username());
    }

    @EventListener
    void signedIn(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof UserDetails admin) {
            audit.record(admin.getUsername(), "admin.signed-in", "with a password");
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        audit.record(name.length() > 64 ? name.substring(0, 64) : name, "admin.sign-in-refused",
                event.getException().getClass().getSimpleName());
    }

    /** Whether nobody could sign in with a password yet: the console offers its first-run set-up. */
    public boolean needsSetUp() {
        return count() == 0;
    }

    /**
     * The first account, made at first run with the set-up code from the log; refused once any account exists (a
     * second visitor is too late).
     */
    @Transactional
    public SetUp setUpFirst(String code, String username, String password) {
        if (!needsSetUp()) {
            return SetUp.TOO_LATE;
        }
        if (!MessageDigest.isEqual(code.strip().getBytes(StandardCharsets.UTF_8),
                setUpCode.getBytes(StandardCharsets.UTF_8))) {
            audit.record("anonymous", "admin.set-up-refused", "wrong set-up code");
            return SetUp.WRONG_CODE;
        }
        save(username.strip(), password);
        audit.record(username.strip(), "admin.created", "first-run set-up");
        return SetUp.CREATED;
    }

    /** The code the log shows while no account exists (tests read it here; the browser never gets it). */
    public String currentSetUpCode() {
        return setUpCode;
    }

    private static String setUpCode() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    public List<String> usernames() {
        return jdbc.sql("select username from admin_account order by username").query(String.class).list();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        String hash = hashOf(username).orElseThrow(() -> new UsernameNotFoundException("no such admin"));
        return new User(username, hash, AuthorityUtils.createAuthorityList("ROLE_" + ROLE));
    }

    private int count() {
        return jdbc.sql("select count(*) from admin_account").query(Integer.class).single();
    }

    private Optional<String> hashOf(String username) {
        return jdbc.sql("select password_hash from admin_account where username = ?").param(username)
                .query(String.class).optional();
    }

    private void save(String username, String password) {
        String hash = encoder.encode(password);
        int changed = jdbc.sql("update admin_account set password_hash = ? where username = ?")
                .params(hash, username).update();
        if (changed == 0) {
            jdbc.sql("insert into admin_account (username, password_hash, created_at) values (?, ?, ?)")
                    .params(username, hash, Timestamp.from(clock.instant())).update();
        }
    }
}
