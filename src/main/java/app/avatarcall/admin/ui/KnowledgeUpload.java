package app.avatarcall.admin.ui;

import app.avatarcall.conversation.KnowledgeFiles;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import com.vaadin.flow.function.SerializableBiConsumer;

/**
 * Takes an uploaded file into memory, but never more than one byte past the limit, whatever the browser was told
 * (a request can be made without it): what is too big is refused by {@link KnowledgeFiles} without being read whole.
 * The file goes to the view on the UI's thread, under the session lock.
 */
final class KnowledgeUpload implements UploadHandler {

    private final SerializableBiConsumer<String, byte[]> received;

    KnowledgeUpload(SerializableBiConsumer<String, byte[]> received) {
        this.received = received;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes(KnowledgeFiles.MAX_BYTES + 1);
        }
        String name = event.getFileName();
        event.getUI().access(() -> received.accept(name, bytes));
    }

    /** What the browser is told: the size limit, the files to offer, and its messages in the operator's language. */
    static void limitAndLabel(Upload upload) {
        String add = upload.getTranslation("admin.knowledge.upload.add");
        String drop = upload.getTranslation("admin.knowledge.upload.drop");
        int megabytes = KnowledgeFiles.MAX_BYTES / (1024 * 1024);
        upload.setMaxFileSize(KnowledgeFiles.MAX_BYTES);
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(add).setMany(add))
                .setDropFiles(new UploadI18N.DropFiles().setOne(drop).setMany(drop))
                .setError(new UploadI18N.Error()
                        .setFileIsTooBig(upload.getTranslation("admin.knowledge.upload.too-big", megabytes))
                        .setIncorrectFileType(upload.getTranslation("admin.knowledge.upload.wrong-type"))));
        // What the browser offers to pick; what a file really is, is told by its content (KnowledgeFiles).
        upload.setAcceptedFileTypes("text/plain", "text/markdown", "application/pdf", ".txt", ".md", ".markdown",
                ".pdf");
    }
}
