package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with Telegram's library: one {@code getUpdates} at a time, the offset moved past what arrived. Only
 * one instance may poll (Telegram answers a second with 409); with several, use the webhook. If Telegram cannot be
 * reached when the app starts, it tries again every 30 seconds.
 */
@Component
@OnBot
class LongPolling implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);
    private static final Duration RETRY_START = Duration.ofSeconds(30);

    private final TelegramProperties properties;
    private final TelegramUrl url;
    private final UpdateDispatcher dispatcher;
    private final TelegramBotsLongPollingApplication application;
    /** The library leaves its poller's executor running after close; this one is shut down here, and is a daemon. */
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("telegram-polling").daemon().factory());
    private volatile @Nullable Thread starter;

    LongPolling(TelegramProperties properties, TelegramUrl url, OkHttpClient telegramHttpClient,
                UpdateDispatcher dispatcher) {
        this.properties = properties;
        this.url = url;
        this.dispatcher = dispatcher;
        this.application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> telegramHttpClient,
                () -> poller);
    }

    void start() {
        if (register()) {
            return;
        }
        starter = Thread.ofVirtual().name("telegram-polling-start").start(() -> {
            try {
                do {
                    Thread.sleep(RETRY_START);
                } while (!register());
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private boolean register() {
        int timeout = (int) properties.pollTimeout().toSeconds();
        LongPollingUpdateConsumer consumer = updates -> updates.forEach(dispatcher::dispatch);
        try {
            application.registerBot(properties.token(), () -> url, last -> GetUpdates.builder()
                    .offset(last + 1).limit(100).timeout(timeout).allowedUpdates(BotStartup.UPDATES).build(), consumer);
            log.info("Telegram bot receives updates by long polling");
            return true;
        } catch (TelegramApiException | RuntimeException e) {
            forget();
            log.warn("Telegram long polling could not start ({}); trying again in {} s", e.getMessage(),
                    RETRY_START.toSeconds());
            return false;
        }
    }

    /** A session whose start failed stays registered in the library; it must go before the next try. */
    private void forget() {
        try {
            application.unregisterBot(properties.token());
        } catch (TelegramApiException notRegistered) {
            // nothing to forget
        }
    }

    @Override
    public void close() throws Exception {
        Thread pending = starter;
        if (pending != null) {
            pending.interrupt();
        }
        application.close();
        poller.shutdownNow();
    }
}
