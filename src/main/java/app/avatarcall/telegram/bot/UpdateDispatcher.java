package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where every update arrives, by long polling or webhook: one the database has already seen is dropped, the others
 * are handled each on its own virtual thread, so a slow reply (a 429 waited out) holds up nobody else. A failure
 * while handling is logged and goes no further.
 */
@Component
@OnBot
class UpdateDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final ProcessedUpdates processed;
    private final UpdateHandler handler;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    UpdateDispatcher(ProcessedUpdates processed, UpdateHandler handler) {
        this.processed = processed;
        this.handler = handler;
    }

    /** Takes an update; false if it was a duplicate. */
    boolean dispatch(Update update) {
        if (update.getUpdateId() == null || !processed.take(update.getUpdateId())) {
            log.debug("update {} was handled before", update.getUpdateId());
            return false;
        }
        threads.execute(() -> {
            try {
                handler.handle(update);
            } catch (RuntimeException e) {
                log.error("update {} could not be handled", update.getUpdateId(), e);
            }
        });
        return true;
    }

    @Override
    public void close() {
        threads.close();
    }
}
