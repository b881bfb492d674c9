package app.avatarcall.admin.ui;

import app.avatarcall.ops.privacy.PersonSummary;
import app.avatarcall.ops.privacy.PersonalData;
import app.avatarcall.ops.privacy.Privacy;
import app.avatarcall.ops.privacy.PrivacySettings;
import app.avatarcall.ops.privacy.TelegramId;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Privacy: whether transcripts are kept and for how long, and a Telegram user's data exported or erased on their
 * request. The rules (and the audit trail) are the privacy services'; the view checks input and says what happened.
 */
@Route(value = "admin/privacy", layout = AdminLayout.class)
@PageTitle("Avatar Call · Privacy")
@RolesAllowed("ADMIN")
class PrivacyView extends Div {

    final Checkbox transcripts = new Checkbox();
    final IntegerField retentionDays = new IntegerField();
    final Button save = new Button();
    final TextField telegramId = new TextField();
    final Button export = new Button();
    final Button erase = new Button();
    final Anchor download = new Anchor();
    final Paragraph outcome = new Paragraph();
    @Nullable ConfirmDialog confirm;
    private final PrivacySettings settings;
    private final PersonalData data;
    private final String actor;

    PrivacyView(PrivacySettings settings, PersonalData data, AuthenticationContext authentication) {
        this.settings = settings;
        this.data = data;
        this.actor = authentication.getPrincipalName().orElse("unknown");
        addClassName("admin-page");
        Privacy privacy = settings.current();
        transcripts.setLabel(getTranslation("admin.privacy.transcripts"));
        transcripts.setValue(privacy.transcripts());
        retentionDays.setLabel(getTranslation("admin.privacy.retention"));
        retentionDays.setHelperText(getTranslation("admin.privacy.retention.hint", Privacy.MIN_DAYS, Privacy.MAX_DAYS));
        retentionDays.setMin(Privacy.MIN_DAYS);
        retentionDays.setMax(Privacy.MAX_DAYS);
        retentionDays.setStepButtonsVisible(true);
        retentionDays.setValue(privacy.retentionDays());
        save.setText(getTranslation("admin.privacy.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        telegramId.setLabel(getTranslation("admin.privacy.telegram-id"));
        telegramId.setHelperText(getTranslation("admin.privacy.telegram-id.hint"));
        telegramId.setMaxLength(32);
        export.setText(getTranslation("admin.privacy.export"));
        export.addClickListener(click -> export());
        erase.setText(getTranslation("admin.privacy.erase"));
        erase.addThemeVariants(ButtonVariant.LUMO_ERROR);
        erase.addClickListener(click -> askToErase());
        download.setVisible(false);
        outcome.addClassName("admin-hint");
        add(new H2(getTranslation("admin.privacy.title")),
                new H3(getTranslation("admin.privacy.transcripts.title")),
                new Paragraph(getTranslation("admin.privacy.transcripts.intro")),
                row(transcripts, retentionDays, save),
                new H3(getTranslation("admin.privacy.person.title")),
                new Paragraph(getTranslation("admin.privacy.person.intro")),
                row(telegramId, export, erase), download, outcome);
    }

    private static HorizontalLayout row(Component... parts) {
        HorizontalLayout row = new HorizontalLayout(parts);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        return row;
    }

    private void save() {
        Integer days = retentionDays.getValue();
        if (days == null || days < Privacy.MIN_DAYS || days > Privacy.MAX_DAYS) {
            retentionDays.setErrorMessage(
                    getTranslation("admin.privacy.error.retention", Privacy.MIN_DAYS, Privacy.MAX_DAYS));
            retentionDays.setInvalid(true);
            return;
        }
        retentionDays.setInvalid(false);
        settings.change(actor, new Privacy(transcripts.getValue(), days));
        tell(transcripts.getValue()
                ? getTranslation("admin.privacy.saved.on", days) : getTranslation("admin.privacy.saved.off"));
    }

    private void export() {
        download.setVisible(false);
        id().ifPresent(id -> data.export(actor, id).ifPresentOrElse(json -> offer(id, json), () -> unknown(id)));
    }

    private void offer(TelegramId id, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        String file = "avatar-call-tg-" + id.value() + ".json";
        download.setHref(DownloadHandler.fromInputStream(event ->
                new DownloadResponse(new ByteArrayInputStream(bytes), file, "application/json", bytes.length)));
        download.setText(getTranslation("admin.privacy.download", file));
        download.getElement().setAttribute("download", file);
        download.setVisible(true);
        tell(getTranslation("admin.privacy.exported", String.valueOf(id.value())));
    }

    private void askToErase() {
        download.setVisible(false);
        id().ifPresent(id -> {
            PersonSummary summary = data.summary(id);
            if (!summary.known()) {
                unknown(id);
                return;
            }
            confirm = new ErasureDialog(summary, () -> erased(data.erase(actor, id)));
            confirm.open();
        });
    }

    private void erased(PersonSummary summary) {
        tell(getTranslation("admin.privacy.erased", String.valueOf(summary.id().value())));
    }

    /** The typed id, or (said at the field) why it is none. */
    private Optional<TelegramId> id() {
        Optional<TelegramId> id = TelegramId.parse(telegramId.getValue());
        telegramId.setInvalid(id.isEmpty());
        if (id.isEmpty()) {
            telegramId.setErrorMessage(getTranslation("admin.privacy.error.bad-id"));
            tell("");
        }
        return id;
    }

    private void unknown(TelegramId id) {
        tell(getTranslation("admin.privacy.unknown", String.valueOf(id.value())));
    }

    private void tell(String text) {
        outcome.setText(text);
    }
}
