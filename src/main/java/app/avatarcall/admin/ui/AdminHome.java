package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarProviders;
import app.avatarcall.call.CallService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** The console's first page: what is going on right now, at a glance. */
@Route(value = "admin", layout = AdminLayout.class)
@PageTitle("Avatar Call · Admin")
@RolesAllowed("ADMIN")
class AdminHome extends Div {

    final Span liveCalls = new Span();
    final Span provider = new Span();

    AdminHome(CallService calls, AvatarProviders providers) {
        addClassName("admin-page");
        liveCalls.setText(String.valueOf(calls.liveCalls()));
        provider.setText(providers.current().id());
        FlexLayout cards = new FlexLayout(card("admin.home.live-calls", liveCalls), card("admin.home.provider", provider));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        add(new H2(getTranslation("admin.home.title")), cards);
    }

    private Div card(String key, Span figure) {
        figure.addClassName("admin-figure");
        Span label = new Span(getTranslation(key));
        label.addClassName("admin-hint");
        Div card = new Div(label, new Div(figure));
        card.addClassName("admin-card");
        return card;
    }
}
