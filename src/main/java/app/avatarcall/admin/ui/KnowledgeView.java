package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.KnowledgeFiles;
import app.avatarcall.conversation.KnowledgeItem;
import app.avatarcall.conversation.KnowledgeItems;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Locale;

/**
 * The knowledge base Talk mode answers from: FAQ entries and documents (typed in, or uploaded as text, Markdown or
 * PDF), each for one avatar or all; the built-in FAQ comes on top. A change is in the answers of the next question.
 */
@Route(value = "admin/knowledge", layout = AdminLayout.class)
@PageTitle("Avatar Call · Knowledge base")
@RolesAllowed("ADMIN")
class KnowledgeView extends Div {

    private final AvatarDirectory avatars;
    private final KnowledgeItems items;
    private final AuditLog audit;
    private final AuthenticationContext authentication;
    final Grid<KnowledgeItem> grid = new Grid<>();
    final Button addFaq = new Button();
    final Button addDocument = new Button();
    final Select<String> uploadFor;
    final Upload upload = new Upload(new KnowledgeUpload(this::uploaded));
    final Span uploadError = new Span();
    final KnowledgeSearch search;

    KnowledgeView(AvatarDirectory avatars, KnowledgeItems items, KnowledgeBaseResponder knowledge, AuditLog audit,
                  AuthenticationContext authentication) {
        this.avatars = avatars;
        this.items = items;
        this.audit = audit;
        this.authentication = authentication;
        addClassName("admin-page");
        search = new KnowledgeSearch(knowledge, avatars);
        String every = getTranslation("admin.knowledge.every-avatar");
        grid.addColumn(KnowledgeItem::title).setHeader(getTranslation("admin.knowledge.item-title")).setFlexGrow(1);
        grid.addColumn(item -> getTranslation("admin.knowledge.kind." + item.kind().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("admin.knowledge.kind")).setAutoWidth(true);
        grid.addColumn(item -> AvatarScope.name(avatars, item.avatarId(), getLocale(), every))
                .setHeader(getTranslation("admin.knowledge.avatar")).setAutoWidth(true);
        grid.addColumn(KnowledgeItem::language).setHeader(getTranslation("admin.avatars.language")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setAutoWidth(true);
        grid.setAllRowsVisible(true);
        addFaq.setText(getTranslation("admin.knowledge.add.faq"));
        addFaq.addClickListener(click -> edit(KnowledgeItem.faq(null, List.of(""), "")));
        addDocument.setText(getTranslation("admin.knowledge.add.document"));
        addDocument.addClickListener(click -> edit(KnowledgeItem.document(null, "", "")));
        uploadFor = AvatarScope.picker(avatars, getTranslation("admin.knowledge.upload-for"), getLocale());
        KnowledgeUpload.limitAndLabel(upload);
        uploadError.getStyle().set("color", "var(--lumo-error-text-color)");
        uploadError.setVisible(false);
        HorizontalLayout actions = new HorizontalLayout(addFaq, addDocument, uploadFor, upload);
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        Span hint = new Span(getTranslation("admin.knowledge.hint", KnowledgeFiles.MAX_BYTES / (1024 * 1024)));
        hint.addClassName("admin-hint");
        add(new H2(getTranslation("admin.knowledge.title")), hint, actions, uploadError, grid, search);
        refresh();
    }

    private void refresh() {
        grid.setItems(items.all());
    }

    private HorizontalLayout actions(KnowledgeItem item) {
        Button edit = new Button(getTranslation("admin.avatars.edit-button"), click -> edit(item));
        Button delete = new Button(getTranslation("admin.avatars.delete"), click -> confirmDelete(item));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(KnowledgeItem item) {
        new KnowledgeDialog(avatars, item, this::save).open();
    }

    private void save(KnowledgeItem item) {
        KnowledgeItem saved = items.save(item);
        audit.record(actor(), "knowledge.saved", describe(saved));
        refresh();
    }

    private void confirmDelete(KnowledgeItem item) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("admin.knowledge.delete.title"),
                getTranslation("admin.knowledge.delete.text", item.title()), getTranslation("admin.avatars.delete"),
                yes -> {
                    items.delete(item.id());
                    audit.record(actor(), "knowledge.deleted", describe(item));
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("admin.avatars.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    /** A file came in (on the UI's thread): its text becomes a document, or the operator hears why it cannot. */
    private void uploaded(String fileName, byte[] bytes) {
        try {
            String title = fileName.replaceFirst("\\.[A-Za-z0-9]{1,8}$", "").strip();
            title = title.isEmpty() ? fileName : title;
            title = title.length() > KnowledgeItem.MAX_TITLE ? title.substring(0, KnowledgeItem.MAX_TITLE) : title;
            KnowledgeItem saved = items.save(KnowledgeItem.document(AvatarScope.stored(uploadFor.getValue()), title,
                    KnowledgeFiles.text(bytes)));
            audit.record(actor(), "knowledge.uploaded", describe(saved));
            uploadError.setVisible(false);
            Notification.show(getTranslation("admin.knowledge.uploaded", fileName));
            refresh();
        } catch (KnowledgeFiles.Refused refused) {
            String reason = refused.reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
            uploadError.setText(getTranslation("admin.knowledge.refused." + reason, fileName,
                    KnowledgeFiles.MAX_BYTES / (1024 * 1024)));
            uploadError.setVisible(true);
            Notification.show(uploadError.getText()).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private static String describe(KnowledgeItem item) {
        return item.kind().name().toLowerCase(Locale.ROOT) + " #" + item.id() + " \"" + item.title() + "\" for "
                + (item.avatarId() == null ? "every avatar" : item.avatarId());
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }
}
