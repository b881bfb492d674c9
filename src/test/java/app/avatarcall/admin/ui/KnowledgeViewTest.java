package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.KnowledgeFiles;
import app.avatarcall.conversation.KnowledgeItem;
import app.avatarcall.conversation.Retrieved;
import app.avatarcall.testing.Pdfs;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class KnowledgeViewTest extends ConsoleTest {

    private static final String QUESTION = "How long does the Nimbus warranty last?";

    @Autowired
    KnowledgeBaseResponder responder;

    private KnowledgeView open() {
        UI.getCurrent().navigate("admin/knowledge");
        return _get(KnowledgeView.class);
    }

    private static void upload(KnowledgeView view, String name, String type, byte[] file) {
        UploadKt._upload(view.upload, name, type, file);
        roundTrip(); // the file reaches the view through UI.access
    }

    private static byte[] manual() {
        return Pdfs.withLines(null, "Nimbus 3 robot vacuum.",
                "The warranty on the Nimbus 3 lasts two years and covers the battery.");
    }

    @Test
    void a_pdf_uploaded_for_max_is_what_his_calls_retrieve_and_the_search_shows_it_first() {
        KnowledgeView view = open();
        assertThat(view.getClassNames()).contains("admin-page");
        view.uploadFor.setValue("max");
        upload(view, "Nimbus manual.pdf", "application/pdf", manual());

        assertThat(GridKt._findAll(view.grid)).singleElement().satisfies(item -> {
            assertThat(item.title()).isEqualTo("Nimbus manual");
            assertThat(item.avatarId()).isEqualTo("max");
            assertThat(item.kind()).isEqualTo(KnowledgeItem.Kind.DOCUMENT);
        });
        assertThat(lastAudit().action()).isEqualTo("knowledge.uploaded");
        assertThat(responder.answer(QUESTION, Locale.ENGLISH, "max").text()).contains("lasts two years");

        view.search.question.setValue(QUESTION);
        view.search.avatar.setValue("max");
        ButtonKt._click(view.search.search);
        Retrieved best = GridKt._get(view.search.results, 0);
        assertThat(best.title()).isEqualTo("Nimbus manual");
        assertThat(best.answers()).isTrue();
        assertThat(best.score()).isGreaterThan(0);

        view.search.avatar.setValue("ava"); // the manual is Max's only
        ButtonKt._click(view.search.search);
        assertThat(view.search.nothing.isVisible()).isTrue();
        assertThat(view.search.results.isVisible()).isFalse();
    }

    @Test
    void a_locked_pdf_a_broken_one_a_binary_file_and_an_oversized_one_each_get_a_clear_message() {
        KnowledgeView view = open();
        upload(view, "secret.pdf", "application/pdf", Pdfs.withLines("s3cret", "Secret"));
        assertThat(view.uploadError.getText()).isEqualTo(
                "secret.pdf is protected with a password. Remove the protection and upload it again.");

        upload(view, "cut.pdf", "application/pdf", java.util.Arrays.copyOf(manual(), 50));
        assertThat(view.uploadError.getText()).startsWith("cut.pdf is a damaged PDF");

        upload(view, "photo.txt", "text/plain", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0});
        assertThat(view.uploadError.getText()).startsWith("photo.txt is neither a text, Markdown nor PDF file.");

        upload(view, "huge.md", "text/markdown", "a".repeat(KnowledgeFiles.MAX_BYTES + 10).getBytes(StandardCharsets.UTF_8));
        assertThat(view.uploadError.getText()).isEqualTo("huge.md is larger than 5 MB. Split it into smaller files.");
        assertThat(view.uploadError.isVisible()).isTrue();
        assertThat(knowledge.all()).isEmpty();
    }

    @Test
    void a_russian_operator_hears_why_a_file_was_refused_in_russian() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        KnowledgeView view = open();
        upload(view, "secret.pdf", "application/pdf", Pdfs.withLines("s3cret", "Secret"));
        assertThat(view.uploadError.getText())
                .isEqualTo("Файл secret.pdf защищён паролем. Снимите защиту и загрузите его снова.");
        assertThat(view.upload.getI18n().getAddFiles().getOne()).isEqualTo("Загрузить файл…");
    }

    @Test
    void an_faq_entry_added_in_the_dialog_says_what_is_missing_then_answers_every_avatar() {
        KnowledgeView view = open();
        ButtonKt._click(view.addFaq);
        KnowledgeDialog dialog = _get(KnowledgeDialog.class);
        ButtonKt._click(dialog.save);
        assertThat(dialog.questions.getErrorMessage()).isEqualTo("Enter at least one question.");
        assertThat(dialog.body.getErrorMessage()).isEqualTo("Enter the answer.");
        assertThat(knowledge.all()).isEmpty();

        dialog.questions.setValue("Where is your office?\nWhat is your address?");
        dialog.body.setValue("Our office is at 1 Nevsky Prospekt, Saint Petersburg.");
        ButtonKt._click(dialog.save);

        assertThat(GridKt._findAll(view.grid)).extracting(KnowledgeItem::title).containsExactly("Where is your office?");
        assertThat(lastAudit().action()).isEqualTo("knowledge.saved");
        assertThat(responder.answer("where is the office", Locale.ENGLISH, "ava").text()).startsWith("Our office is at");
    }

    @Test
    void a_document_typed_in_can_be_edited_and_removed_after_a_question() {
        knowledge.save(KnowledgeItem.document(null, "Hours", "We are open from nine to five on weekdays."));
        KnowledgeView view = open();
        var actions = GridKt._getCellComponent(view.grid, 0, "actions");

        ButtonKt._click(_get(actions, Button.class, spec -> spec.withText("Edit")));
        KnowledgeDialog dialog = _get(KnowledgeDialog.class);
        dialog.body.setValue("We are open from eight to eight every day.");
        ButtonKt._click(dialog.save);
        assertThat(knowledge.all()).singleElement().extracting(KnowledgeItem::body)
                .isEqualTo("We are open from eight to eight every day.");

        ButtonKt._click(_get(GridKt._getCellComponent(view.grid, 0, "actions"), Button.class, spec -> spec.withText("Delete")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(knowledge.all()).isEmpty();
        assertThat(lastAudit().action()).isEqualTo("knowledge.deleted");
    }
}
