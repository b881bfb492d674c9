package app.avatarcall.branding.ui;

import app.avatarcall.admin.ui.AdminLayout;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.Brandings;
import app.avatarcall.call.ui.CallPreview;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The operator's branding: the form beside a live preview of the ringing screen at a phone's size, which follows
 * every edit before anything is saved. Save applies it to every call from the next one on; Reset goes back to the
 * app's own look. Both are audited under the signed-in admin's name.
 */
@Route(value = "admin/branding", layout = AdminLayout.class)
@PageTitle("Avatar Call · Branding")
@RolesAllowed("ADMIN")
class BrandingView extends Div {

    final BrandingForm form = new BrandingForm(this::edited);
    final LogoField logo = new LogoField(this::edited);
    final CallPreview preview;
    final Select<Locale> previewLanguage = new Select<>();
    final Button listen = new Button();
    final Button save = new Button();
    final Button reset = new Button();
    private final Brandings brandings;
    private final AuthenticationContext authentication;
    private boolean listening;

    BrandingView(Brandings brandings, AvatarDirectory avatars, AuthenticationContext authentication) {
        this.brandings = brandings;
        this.authentication = authentication;
        addClassNames("admin-page", "branding-page");
        preview = new CallPreview(avatars);
        save.setText(getTranslation("branding.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        reset.setText(getTranslation("branding.reset"));
        reset.addClickListener(click -> shown(brandings.reset(actor()), "branding.reset-done"));
        Div actions = row(save, reset);
        actions.getStyle().set("margin", "var(--lumo-space-m) 0");
        Div editor = new Div(form, logo, actions);
        editor.getStyle().set("flex", "1 1 420px").set("min-width", "0");
        Div columns = new Div(editor, new Div(previewControls(), preview));
        // Side by side where there is room, the preview under the form on a phone.
        columns.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)")
                .set("align-items", "flex-start");
        add(new H2(getTranslation("branding.title")), columns);
        Branding saved = brandings.current();
        logo.show(saved.logoVersion());
        form.show(saved);
        edited();
    }

    private Div previewControls() {
        previewLanguage.setLabel(getTranslation("branding.preview-language"));
        previewLanguage.setItems(Locale.ENGLISH, Locale.forLanguageTag("ru"));
        // Each language by its own name, as language pickers do.
        previewLanguage.setItemLabelGenerator(language -> {
            String name = language.getDisplayLanguage(language);
            return name.substring(0, 1).toUpperCase(language) + name.substring(1);
        });
        previewLanguage.setValue("ru".equals(getLocale().getLanguage()) ? Locale.forLanguageTag("ru") : Locale.ENGLISH);
        previewLanguage.addValueChangeListener(change -> edited());
        listen.setText(getTranslation("branding.listen"));
        listen.getElement().setAttribute("aria-pressed", "false");
        listen.addClickListener(click -> {
            listening = !listening;
            listen.getElement().setAttribute("aria-pressed", String.valueOf(listening));
            listen.setText(getTranslation(listening ? "branding.listen-stop" : "branding.listen"));
            preview.listen(listening, form.draft(logo.version()));
        });
        Div controls = row(previewLanguage, listen);
        controls.getStyle().set("align-items", "baseline").set("margin-bottom", "var(--lumo-space-s)");
        return controls;
    }

    private static Div row(com.vaadin.flow.component.Component... children) {
        Div row = new Div(children);
        row.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)").set("flex-wrap", "wrap");
        return row;
    }

    /** Every edit: the fields say what is wrong, and the preview shows the draft if it can be shown. */
    private void edited() {
        Branding draft = form.draft(logo.version());
        List<Branding.Problem> problems = draft.problems();
        form.showProblems(problems);
        logo.remove.setVisible(draft.hasLogo());
        if (problems.isEmpty()) {
            preview.show(draft, logo.src(), Objects.requireNonNullElse(previewLanguage.getValue(), Locale.ENGLISH));
            if (listening) {
                preview.listen(true, draft); // the tone or its volume may be what changed
            }
        }
    }

    private void save() {
        Branding draft = form.draft(logo.version());
        if (!draft.problems().isEmpty()) {
            form.showProblems(draft.problems());
            tell("branding.fix-first", NotificationVariant.LUMO_ERROR);
            return;
        }
        shown(brandings.save(draft, logo.pending, actor()), "branding.saved");
    }

    private void shown(Branding saved, String messageKey) {
        logo.show(saved.logoVersion());
        form.show(saved);
        edited();
        tell(messageKey, NotificationVariant.LUMO_SUCCESS);
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    private void tell(String key, NotificationVariant variant) {
        Notification.show(getTranslation(key), 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
