package app.avatarcall.testing;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.router.Route;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;

/** Browserless UI tests: a mocked Vaadin session on the real Spring application. */
@AppTest
public abstract class KaribuTest {

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;

    @BeforeEach
    void setUpVaadin() {
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        UI.getCurrent().setLocale(Locale.ENGLISH);
    }

    /** Another browser: a new Vaadin session and UI on the same application, as somebody else's would be. */
    protected void newBrowser() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
        setUpVaadin();
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Every {@code @Route} of the app; views are package-private, which Karibu's own discovery skips. */
    @SuppressWarnings("unchecked")
    private static Routes discoverRoutes() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Routes routes = new Routes();
        scanner.findCandidateComponents("app.avatarcall").forEach(view -> routes.getRoutes().add(
                (Class<? extends Component>) ClassUtils.resolveClassName(view.getBeanClassName(), null)));
        return routes;
    }

    /**
     * Signs an admin in, as the security filter would have for a request of their session: Spring Security's context
     * for the app, the request's principal and role for Vaadin's view access checks.
     */
    protected static void signInAsAdmin(String name) {
        var admin = UsernamePasswordAuthenticationToken.authenticated(name, null,
                AuthorityUtils.createAuthorityList("ROLE_ADMIN"));
        SecurityContextHolder.getContext().setAuthentication(admin);
        FakeRequest request = (FakeRequest) VaadinServletRequest.getCurrent().getRequest();
        request.setUserPrincipalInt(admin);
        request.setUserInRole((principal, role) -> "ADMIN".equals(role) || "ROLE_ADMIN".equals(role));
    }

    /** Runs what other threads (and push) queued for the UI, as a browser round trip would. */
    protected static void roundTrip() {
        MockVaadin.clientRoundtrip(false);
    }
}
