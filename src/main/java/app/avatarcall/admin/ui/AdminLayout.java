package app.avatarcall.admin.ui;

import app.avatarcall.admin.AdminProperties;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import com.vaadin.flow.theme.lumo.Lumo;
import jakarta.annotation.security.RolesAllowed;

/**
 * The console's frame: the navigation (a drawer on phones), who is signed in, and sign-out. Every console view sits
 * in it ({@code @Route(value = "admin/...", layout = AdminLayout.class)}); it loads Lumo, which the call screens do without.
 */
@RolesAllowed("ADMIN")
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("admin.css")
public class AdminLayout extends AppLayout {

    AdminLayout(AuthenticationContext authentication, AdminProperties properties) {
        addClassName("admin-console");
        VaadinSession.getCurrent().getSession().setMaxInactiveInterval((int) properties.sessionTimeout().toSeconds());
        setPrimarySection(Section.DRAWER);
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("admin.menu"));
        H1 title = new H1(getTranslation("admin.title"));
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span who = new Span(authentication.getPrincipalName().orElse(""));
        who.addClassName("admin-hint");
        Button signOut = new Button(getTranslation("admin.sign-out"), VaadinIcon.SIGN_OUT.create(),
                click -> authentication.logout());
        signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout bar = new HorizontalLayout(title, who, signOut);
        bar.setWidthFull();
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.expand(title);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(toggle, bar);
        addToDrawer(navigation());
    }

    private SideNav navigation() {
        SideNav nav = new SideNav();
        nav.addItem(item("admin.nav.home", "admin", VaadinIcon.DASHBOARD),
                item("admin.nav.avatars", "admin/avatars", VaadinIcon.USERS),
                item("admin.nav.knowledge", "admin/knowledge", VaadinIcon.BOOK),
                item("admin.nav.branding", "admin/branding", VaadinIcon.PAINTBRUSH),
                item("admin.nav.live", "admin/live", VaadinIcon.PHONE),
                item("admin.nav.analytics", "admin/analytics", VaadinIcon.CHART),
                item("admin.nav.privacy", "admin/privacy", VaadinIcon.SHIELD),
                item("admin.nav.audit", "admin/audit", VaadinIcon.LIST));
        return nav;
    }

    private SideNavItem item(String key, String path, VaadinIcon icon) {
        return new SideNavItem(getTranslation(key), path, icon.create());
    }
}
