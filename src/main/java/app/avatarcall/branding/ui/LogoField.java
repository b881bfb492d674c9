package app.avatarcall.branding.ui;

import app.avatarcall.branding.Logo;
import app.avatarcall.branding.LogoImages;
import app.avatarcall.branding.LogoRefused;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.jspecify.annotations.Nullable;

/**
 * The logo: an upload, re-encoded at once (so a bad file is told at once, in the operator's language) but kept here
 * until Save, and a way to take the logo away.
 */
class LogoField extends Div {

    final Upload upload = new Upload();
    final Span error = new Span();
    final Button remove = new Button();
    /** Uploaded (and re-encoded) but not saved yet. */
    @Nullable Logo pending;
    private String version = "";

    LogoField(Runnable onChange) {
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/webp", "image/gif", ".png", ".jpg",
                ".jpeg", ".webp", ".gif");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LogoImages.MAX_BYTES);
        UI ui = UI.getCurrent();
        upload.setUploadHandler((UploadHandler) event -> {
            // Never more than the limit is read, whatever the request says its size is.
            byte[] data = event.getInputStream().readNBytes(LogoImages.MAX_BYTES + 1);
            ui.access(() -> {
                uploaded(data);
                onChange.run();
            });
        });
        error.getElement().setAttribute("role", "alert");
        error.getStyle().set("color", "var(--lumo-error-text-color)").set("display", "block");
        remove.setText(getTranslation("branding.logo.remove"));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.addClickListener(click -> {
            pending = null;
            version = "";
            onChange.run();
        });
        add(new H3(getTranslation("branding.logo")), upload, error, remove);
    }

    private void uploaded(byte[] data) {
        try {
            Logo logo = LogoImages.reencode(data);
            pending = logo;
            version = logo.version();
            error.setText("");
        } catch (LogoRefused refused) {
            error.setText(getTranslation(refused.messageKey(), LogoImages.MAX_BYTES / (1024 * 1024),
                    LogoImages.MAX_PIXELS / 1_000_000));
        }
    }

    /** The logo as saved: nothing pending. */
    void show(String savedVersion) {
        pending = null;
        version = savedVersion;
    }

    /** The version of the logo the draft has: uploaded, saved, or none (blank). */
    String version() {
        return version;
    }

    /** Where the preview gets the logo from: an upload not saved yet has no URL of its own. */
    String src() {
        Logo logo = pending;
        if (logo != null) {
            return logo.dataUrl();
        }
        return version.isEmpty() ? "" : "branding/logo?v=" + version;
    }
}
