package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Where every update arrives, by long polling or webhook: one the database has already seen is dropped, the others
 * are handled on virtual threads: one person's updates in the order they came, different people's side by side, so
 * a slow reply (a 429 waited out) holds up nobody else. A failure while handling is logged and goes no further.
 */
@Component
@OnBot
class UpdateDispatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UpdateDispatcher.class);

    private final ProcessedUpdates processed;
    private final UpdateHandler handler;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<Long, CompletableFuture<?>> queues = new ConcurrentHashMap<>();

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
        Runnable handling = () -> {
            try {
                handler.handle(update);
            } catch (BotApiException e) {
                log.warn("update {}: Telegram refused the answer: {}", update.getUpdateId(), e.getMessage());
            } catch (RuntimeException e) {
                log.error("update {} could not be handled", update.getUpdateId(), e);
            }
        };
        long person = personOf(update);
        CompletableFuture<?> queued = queues.compute(person, (key, last) -> last == null
                ? CompletableFuture.runAsync(handling, threads) : last.thenRunAsync(handling, threads));
        queued.whenComplete((done, failure) -> queues.remove(person, queued));
        return true;
    }

    /** Whose update it is; one without a person is queued on its own. */
    private static long personOf(Update update) {
        if (update.hasMessage() && update.getMessage().getChatId() != null) {
            return update.getMessage().getChatId();
        }
        if (update.hasCallbackQuery() && update.getCallbackQuery().getFrom() != null) {
            return update.getCallbackQuery().getFrom().getId();
        }
        if (update.hasMyChatMember() && update.getMyChatMember().getChat() != null) {
            return update.getMyChatMember().getChat().getId();
        }
        return Long.MIN_VALUE + update.getUpdateId();
    }

    @Override
    public void close() {
        threads.close();
    }
}
