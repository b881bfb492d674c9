package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.AvatarProviders;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;

/**
 * The avatars people can call: their faces, names and which one {@code /} rings. Editing opens the editor; deleting
 * asks first, and the default avatar cannot be deleted (another must be made the default first).
 */
@Route(value = "admin/avatars", layout = AdminLayout.class)
@PageTitle("Avatar Call · Avatars")
@RolesAllowed("ADMIN")
class AvatarsView extends Div {

    private final AvatarDirectory avatars;
    private final AvatarProviders providers;
    private final AuditLog audit;
    private final AuthenticationContext authentication;
    final Grid<AvatarProfile> grid = new Grid<>();
    final Button add = new Button();
    final Button knowledge = new Button();

    AvatarsView(AvatarDirectory avatars, AvatarProviders providers, AuditLog audit,
                AuthenticationContext authentication) {
        this.avatars = avatars;
        this.providers = providers;
        this.audit = audit;
        this.authentication = authentication;
        addClassName("admin-page");
        grid.addComponentColumn(this::face).setHeader(getTranslation("admin.avatars.look")).setAutoWidth(true);
        grid.addColumn(avatar -> avatar.persona(getLocale()).name()).setHeader(getTranslation("admin.avatars.name"))
                .setAutoWidth(true);
        grid.addColumn(avatar -> avatar.persona(getLocale()).role()).setHeader(getTranslation("admin.avatars.role"))
                .setFlexGrow(1);
        grid.addColumn(avatar -> "/call/" + avatar.id()).setHeader(getTranslation("admin.avatars.link"))
                .setAutoWidth(true);
        grid.addComponentColumn(this::defaultMarker).setHeader(getTranslation("admin.avatars.default"))
                .setKey("default").setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add.setText(getTranslation("admin.avatars.add"));
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(click -> UI.getCurrent().navigate(AvatarEditor.class));
        knowledge.setText(getTranslation("admin.knowledge.title"));
        knowledge.addClickListener(click -> UI.getCurrent().navigate(KnowledgeView.class));
        add(new H2(getTranslation("admin.avatars.title")), new HorizontalLayout(add, knowledge), grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(avatars.all());
    }

    private Avatar face(AvatarProfile avatar) {
        Avatar face = new Avatar(avatar.persona(getLocale()).name());
        providers.current().previewImage(avatar.spec(getLocale())).ifPresent(face::setImage);
        return face;
    }

    private Span defaultMarker(AvatarProfile avatar) {
        Span marker = new Span(avatars.isDefault(avatar.id()) ? getTranslation("admin.avatars.is-default") : "");
        marker.getElement().getThemeList().add("badge success");
        marker.setVisible(avatars.isDefault(avatar.id()));
        return marker;
    }

    private HorizontalLayout actions(AvatarProfile avatar) {
        Button edit = new Button(getTranslation("admin.avatars.edit-button"), click -> UI.getCurrent()
                .navigate(AvatarEditor.class, new RouteParameters("id", avatar.id())));
        Button makeDefault = new Button(getTranslation("admin.avatars.make-default"), click -> makeDefault(avatar));
        Button delete = new Button(getTranslation("admin.avatars.delete"), click -> confirmDelete(avatar));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        boolean isDefault = avatars.isDefault(avatar.id());
        makeDefault.setEnabled(!isDefault);
        delete.setEnabled(!isDefault);
        for (Button button : new Button[] {edit, makeDefault, delete}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL);
            button.getElement().setAttribute("data-avatar", avatar.id());
        }
        return new HorizontalLayout(edit, makeDefault, delete);
    }

    private void makeDefault(AvatarProfile avatar) {
        if (avatars.setDefault(avatar.id())) {
            audit.record(actor(), "avatar.default", avatar.id());
        }
        refresh();
    }

    private void confirmDelete(AvatarProfile avatar) {
        String name = avatar.persona(getLocale()).name();
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.avatars.delete.title", name),
                getTranslation("admin.avatars.delete.text", name), getTranslation("admin.avatars.delete"),
                yes -> delete(avatar));
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.avatars.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void delete(AvatarProfile avatar) {
        if (avatars.delete(avatar.id())) {
            audit.record(actor(), "avatar.deleted",
                    avatar.id() + " (" + avatar.persona(java.util.Locale.ENGLISH).name() + ")");
            Notification.show(getTranslation("admin.avatars.deleted", avatar.persona(getLocale()).name()));
        }
        refresh();
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }
}
