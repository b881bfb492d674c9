package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Who changed what, and when: the newest changes first. */
@Route(value = "admin/audit", layout = AdminLayout.class)
@PageTitle("Avatar Call · Audit log")
@RolesAllowed("ADMIN")
class AuditView extends Div {

    static final int SHOWN = 500;
    final Grid<AuditLog.Entry> grid = new Grid<>();

    AuditView(AuditLog audit) {
        addClassName("admin-page");
        DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(getLocale()).withZone(ZoneId.systemDefault());
        grid.addColumn(entry -> when.format(entry.at())).setHeader(getTranslation("admin.audit.at")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::actor).setHeader(getTranslation("admin.audit.actor")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::action).setHeader(getTranslation("admin.audit.action")).setAutoWidth(true);
        grid.addColumn(AuditLog.Entry::detail).setHeader(getTranslation("admin.audit.detail")).setFlexGrow(1);
        grid.setItems(audit.latest(SHOWN));
        grid.setAllRowsVisible(false);
        grid.setHeight("70vh");
        add(new H2(getTranslation("admin.audit.title")), grid);
    }
}
