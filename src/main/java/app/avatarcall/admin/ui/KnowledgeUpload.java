package app.avatarcall.admin.ui;

import app.avatarcall.conversation.KnowledgeFiles;
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
}
