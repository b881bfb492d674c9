package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.conversation.KnowledgeItem;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Adds or edits an FAQ entry (its questions, one a line, and the answer) or a document (a title and its text), for
 * one avatar or all. The language is told from the text when it is saved.
 */
final class KnowledgeDialog extends Dialog {

    static final int MAX_BODY = 200_000;

    /** What the binder edits. */
    static final class Draft {
        String avatar = AvatarScope.EVERY;
        String title = "";
        String questions = "";
        String body = "";
    }

    final Select<String> avatar;
    final TextField title = new TextField();
    final TextArea questions = new TextArea();
    final TextArea body = new TextArea();
    final Button save = new Button();
    final Binder<Draft> binder = new Binder<>();
    private final KnowledgeItem.Kind kind;

    KnowledgeDialog(AvatarDirectory avatars, KnowledgeItem item, Consumer<KnowledgeItem> saved) {
        this.kind = item.kind();
        boolean faq = kind == KnowledgeItem.Kind.FAQ;
        avatar = AvatarScope.picker(avatars, getTranslation("admin.knowledge.avatar"), getLocale());
        setHeaderTitle(getTranslation(item.id() == 0 ? "admin.knowledge.add." + kind.name().toLowerCase()
                : "admin.knowledge.edit"));
        title.setLabel(getTranslation("admin.knowledge.item-title"));
        questions.setLabel(getTranslation("admin.knowledge.questions"));
        questions.setHelperText(getTranslation("admin.knowledge.questions.hint"));
        body.setLabel(getTranslation(faq ? "admin.knowledge.answer" : "admin.knowledge.text"));
        title.setVisible(!faq);
        questions.setVisible(faq);
        bind(faq);
        Draft draft = new Draft();
        draft.avatar = item.avatarId() == null ? AvatarScope.EVERY : item.avatarId();
        draft.title = item.title();
        draft.questions = String.join("\n", item.questions());
        draft.body = item.body();
        binder.readBean(draft);
        save.setText(getTranslation("admin.avatars.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> {
            Draft typed = new Draft();
            if (binder.writeBeanIfValid(typed)) {
                saved.accept(toItem(item.id(), typed));
                close();
            }
        });
        FormLayout fields = new FormLayout(avatar, title, questions, body);
        fields.setColspan(questions, 2);
        fields.setColspan(body, 2);
        add(fields);
        getFooter().add(new Button(getTranslation("admin.avatars.cancel"), click -> close()), save);
        setWidth("min(48rem, 95vw)");
    }

    private void bind(boolean faq) {
        binder.forField(avatar).bind(draft -> draft.avatar, (draft, id) -> draft.avatar = id);
        binder.forField(title)
                .withValidator(text -> faq || !text.isBlank(), getTranslation("admin.knowledge.error.title"))
                .withValidator(text -> text.strip().length() <= KnowledgeItem.MAX_TITLE,
                        getTranslation("admin.avatars.error.too-long", KnowledgeItem.MAX_TITLE))
                .bind(draft -> draft.title, (draft, text) -> draft.title = text);
        binder.forField(questions)
                .withValidator(text -> !faq || !lines(text).isEmpty(),
                        getTranslation("admin.knowledge.error.questions"))
                .withValidator(text -> text.length() <= KnowledgeItem.MAX_QUESTIONS,
                        getTranslation("admin.avatars.error.too-long", KnowledgeItem.MAX_QUESTIONS))
                .bind(draft -> draft.questions, (draft, text) -> draft.questions = text);
        binder.forField(body)
                .withValidator(text -> !text.isBlank(), getTranslation(faq ? "admin.knowledge.error.answer"
                        : "admin.knowledge.error.text"))
                .withValidator(text -> text.length() <= MAX_BODY,
                        getTranslation("admin.avatars.error.too-long", MAX_BODY))
                .bind(draft -> draft.body, (draft, text) -> draft.body = text);
    }

    private KnowledgeItem toItem(long id, Draft draft) {
        KnowledgeItem item = kind == KnowledgeItem.Kind.FAQ
                ? KnowledgeItem.faq(AvatarScope.stored(draft.avatar), lines(draft.questions), draft.body.strip())
                : KnowledgeItem.document(AvatarScope.stored(draft.avatar), draft.title.strip(), draft.body.strip());
        return item.withId(id);
    }

    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
