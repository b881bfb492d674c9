package app.avatarcall.branding.ui;

import app.avatarcall.admin.ui.AdminLayout;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.branding.Branding;
import app.avatarcall.branding.Brandings;
import app.avatarcall.branding.Logo;
import app.avatarcall.branding.LogoImages;
import app.avatarcall.branding.LogoRefused;
import app.avatarcall.call.ui.CallPreview;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
    final CallPreview preview;
    final Upload logoUpload = new Upload();
    final Button removeLogo = new Button();
    final Span logoError = new Span();
    final Button save = new Button();
    final Button reset = new Button();
    private final Brandings brandings;
    private final AuthenticationContext authentication;
    private Branding saved;
    /** A logo uploaded (and re-encoded) but not saved yet. */
    @Nullable Logo pendingLogo;
    private String logoVersion;

    BrandingView(Brandings brandings, AvatarDirectory avatars, AuthenticationContext authentication) {
        this.brandings = brandings;
        this.authentication = authentication;
        addClassNames("admin-page", "branding-page");
        preview = new CallPreview(avatars);
        saved = brandings.current();
        logoVersion = saved.logoVersion();
        setUpLogo();
        save.setText(getTranslation("branding.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        reset.setText(getTranslation("branding.reset"));
        reset.addClickListener(click -> reset());
        Div logo = new Div(new H3(getTranslation("branding.logo")), logoUpload, logoError, removeLogo);
        logo.addClassName("branding-logo");
        Div actions = new Div(save, reset);
        actions.addClassName("branding-actions");
        Div editor = new Div(form, logo, actions);
        editor.addClassName("branding-editor");
        editor.getStyle().set("flex", "1 1 420px").set("min-width", "0");
        Div columns = new Div(editor, preview);
        columns.addClassName("branding-columns");
        // Side by side where there is room, the preview under the form on a phone.
        columns.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-l)")
                .set("align-items", "flex-start");
        actions.getStyle().set("display", "flex").set("gap", "var(--lumo-space-s)")
                .set("margin", "var(--lumo-space-m) 0");
        logoError.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        add(new H2(getTranslation("branding.title")), columns);
        form.show(saved);
        edited();
    }

    private void setUpLogo() {
        logoUpload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", "image/gif", ".png", ".jpg",
                ".jpeg", ".webp", ".gif");
        logoUpload.setMaxFiles(1);
        logoUpload.setMaxFileSize(LogoImages.MAX_BYTES);
        UI ui = UI.getCurrent();
        logoUpload.setUploadHandler((UploadHandler) event -> {
            // Never more than the limit is read, whatever the request says its size is.
            byte[] data = event.getInputStream().readNBytes(LogoImages.MAX_BYTES + 1);
            ui.access(() -> uploaded(data));
        });
        logoError.addClassName("branding-error");
        logoError.getElement().setAttribute("role", "alert");
        removeLogo.setText(getTranslation("branding.logo.remove"));
        removeLogo.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        removeLogo.addClickListener(click -> {
            pendingLogo = null;
            logoVersion = "";
            edited();
        });
    }

    private void uploaded(byte[] data) {
        try {
            pendingLogo = LogoImages.reencode(data);
            logoVersion = pendingLogo.version();
            logoError.setText("");
        } catch (LogoRefused refused) {
            logoError.setText(getTranslation(refused.messageKey(), LogoImages.MAX_BYTES / (1024 * 1024),
                    LogoImages.MAX_PIXELS / 1_000_000));
        }
        edited();
    }

    /** Every edit: the fields say what is wrong, and the preview shows the draft if it can be shown. */
    private void edited() {
        Branding draft = form.draft(logoVersion);
        List<Branding.Problem> problems = draft.problems();
        form.showProblems(problems);
        removeLogo.setVisible(draft.hasLogo());
        if (problems.isEmpty()) {
            preview.show(draft, logoSrc());
        }
    }

    private String logoSrc() {
        Logo pending = pendingLogo;
        if (pending != null) {
            return pending.dataUrl();
        }
        return logoVersion.isEmpty() ? "" : "branding/logo?v=" + logoVersion;
    }

    private void save() {
        Branding draft = form.draft(logoVersion);
        if (!draft.problems().isEmpty()) {
            form.showProblems(draft.problems());
            tell("branding.fix-first", NotificationVariant.LUMO_ERROR);
            return;
        }
        saved = brandings.save(draft, pendingLogo, actor());
        pendingLogo = null;
        logoVersion = saved.logoVersion();
        form.show(saved);
        edited();
        tell("branding.saved", NotificationVariant.LUMO_SUCCESS);
    }

    private void reset() {
        saved = brandings.reset(actor());
        pendingLogo = null;
        logoVersion = "";
        form.show(saved);
        edited();
        tell("branding.reset-done", NotificationVariant.LUMO_SUCCESS);
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    private void tell(String key, NotificationVariant variant) {
        Notification.show(getTranslation(key), 4000, Notification.Position.BOTTOM_START).addThemeVariants(variant);
    }
}
