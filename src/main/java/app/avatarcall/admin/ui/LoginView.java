package app.avatarcall.admin.ui;

import app.avatarcall.admin.AdminAccounts;
import app.avatarcall.admin.AdminSignIn;
import app.avatarcall.telegram.miniapp.MiniAppSignIn;
import app.avatarcall.telegram.miniapp.TelegramUser;
import app.avatarcall.telegram.miniapp.Verdict;
import app.avatarcall.telegram.miniapp.ui.MiniAppSession;
import app.avatarcall.telegram.miniapp.ui.TelegramBridge;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * Sign-in to the console: a password form for admin accounts, and, opened inside Telegram by an admin listed in the
 * configuration, no form at all (their verified {@code initData} lets them in). With no account yet, the first-run
 * set-up comes first.
 */
@Route("admin/login")
@PageTitle("Avatar Call · Admin")
@AnonymousAllowed
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("admin.css")
class LoginView extends Div implements BeforeEnterObserver {

    final LoginForm form = new LoginForm();
    final Paragraph refused = new Paragraph();
    final LoginI18n texts = i18n();
    final TelegramBridge bridge = new TelegramBridge();
    final RouterLink setUp = new RouterLink();
    private final AdminAccounts accounts;
    private final AdminSignIn adminSignIn;
    private final MiniAppSignIn miniAppSignIn;
    private final AuthenticationContext authentication;

    LoginView(AdminAccounts accounts, AdminSignIn adminSignIn, MiniAppSignIn miniAppSignIn,
              AuthenticationContext authentication) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.adminSignIn = adminSignIn;
        this.miniAppSignIn = miniAppSignIn;
        addClassNames("admin-console", "admin-entry");
        form.setAction("admin/login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(texts);
        refused.addClassName("admin-hint");
        refused.setVisible(false);
        bridge.addLaunchListener(this::launchedInTelegram);
        setUp.setText(getTranslation("admin.login.set-up"));
        setUp.setRoute(SetupView.class);
        setUp.setVisible(false);
        add(form, refused, setUp, bridge);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (accounts.needsSetUp()) {
            if (!adminSignIn.hasTelegramAdmins()) {
                event.forwardTo(SetupView.class); // nobody could get in here yet: make the first account
                return;
            }
            setUp.setVisible(true); // Telegram admins get in here; a password account can still be made
        }
        form.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
        if (!authentication.isAuthenticated()) { // signed in and still sent here: never bounce them around
            MiniAppSession.user(VaadinSession.getCurrent()).ifPresent(this::enter);
        }
    }

    private void launchedInTelegram(String initData) {
        // Forged or stale initData (or none, outside Telegram): the password form stays, nothing said about why.
        if (MiniAppSession.signIn(VaadinSession.getCurrent(), miniAppSignIn, initData) instanceof Verdict.Verified v) {
            enter(v.user());
        }
    }

    /**
     * Lets a verified Telegram admin in: the security context goes into their session, and the console is loaded
     * by a new request, which the security filter then reads as theirs (a navigation inside this request would not be).
     */
    private void enter(TelegramUser user) {
        adminSignIn.telegram(user).ifPresentOrElse(authentication -> {
            SignedIn.bind(authentication);
            getElement().executeJs("window.location.assign($0)", "admin");
        }, () -> {
            refused.setText(getTranslation("admin.login.not-an-admin", user.firstName()));
            refused.setVisible(true);
        });
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form fields = i18n.getForm();
        fields.setTitle(getTranslation("admin.login.title"));
        fields.setUsername(getTranslation("admin.login.username"));
        fields.setPassword(getTranslation("admin.login.password"));
        fields.setSubmit(getTranslation("admin.login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("admin.login.error.title"));
        error.setMessage(getTranslation("admin.login.error.message"));
        return i18n;
    }
}
