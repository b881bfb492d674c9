package app.avatarcall.admin.ui;

import app.avatarcall.ops.privacy.PersonSummary;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before a person's data is erased, and says what exactly will go: there is no undo. */
class ErasureDialog extends ConfirmDialog {

    ErasureDialog(PersonSummary summary, Runnable erase) {
        setHeader(getTranslation("admin.privacy.erase.header", String.valueOf(summary.id().value())));
        setText(getTranslation("admin.privacy.erase.text",
                getTranslation(summary.botUser() ? "admin.privacy.yes" : "admin.privacy.no"),
                summary.scheduledCalls(), summary.rings(), summary.callRecords(), summary.transcriptLines()));
        setCancelable(true);
        setCancelText(getTranslation("admin.privacy.cancel"));
        setConfirmText(getTranslation("admin.privacy.erase.confirm"));
        setConfirmButtonTheme("error primary");
        addConfirmListener(event -> erase.run());
    }
}
