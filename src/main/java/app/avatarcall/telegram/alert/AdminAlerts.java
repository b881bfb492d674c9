package app.avatarcall.telegram.alert;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import app.avatarcall.telegram.bot.BotApi;
import app.avatarcall.telegram.bot.BotTexts;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;

/**
 * Sends alerts to the admin chats, off the caller's thread, at most one per kind per {@code telegram.alerts.every};
 * alerts held back are counted and told with the next one (or by themselves once the quiet time is over). Anything
 * shaped like a bot token is blanked out first. A failure to send is logged as a warning, never as an error, so that
 * it cannot feed the error-spike alert.
 */
@Component
@OnBot
class AdminAlerts implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminAlerts.class);
    private static final Pattern TOKEN_SHAPE = Pattern.compile("\\d{5,}:[A-Za-z0-9_-]{30,}");

    private static final class Kind {
        @Nullable Instant lastSent;
        int heldBack;
        String lastText = "";
    }

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    private final BotApi api;
    private final BotTexts texts;
    private final AlertProperties properties;
    private final String token;
    private final Clock clock;

    AdminAlerts(BotApi api, BotTexts texts, AlertProperties properties, TelegramProperties telegram, Clock clock) {
        this.api = api;
        this.texts = texts;
        this.properties = properties;
        this.token = telegram.token();
        this.clock = clock;
    }

    /** Alerts the admins, unless this kind was told within the quiet time (then it is counted for later). */
    void alert(String kind, String text) {
        if (properties.chatIds().isEmpty()) {
            return;
        }
        Kind state = kinds.computeIfAbsent(kind, k -> new Kind());
        String message;
        synchronized (state) {
            state.lastText = text;
            if (!due(state)) {
                state.heldBack++;
                return;
            }
            message = withHeldBack(text, state);
        }
        send(message);
    }

    /** Tells what was held back once the quiet time is over and nothing new came to carry it. */
    @Scheduled(fixedDelayString = "${telegram.alerts.flush-every:1m}")
    void flush() {
        kinds.values().forEach(state -> {
            String message = null;
            synchronized (state) {
                if (state.heldBack > 0 && due(state)) {
                    message = withHeldBack(state.lastText, state);
                }
            }
            if (message != null) {
                send(message);
            }
        });
    }

    String text(String key, Object... args) {
        return texts.get(properties.language(), key, args);
    }

    private boolean due(Kind state) {
        Instant now = clock.instant();
        return state.lastSent == null || !now.isBefore(state.lastSent.plus(properties.every()));
    }

    private String withHeldBack(String text, Kind state) {
        String message = state.heldBack == 0 ? text : text + "\n" + text("alert.suppressed", state.heldBack);
        state.lastSent = clock.instant();
        state.heldBack = 0;
        return message;
    }

    private void send(String text) {
        String safe = TOKEN_SHAPE.matcher(text.replace(token, "<bot token>")).replaceAll("<token>");
        String clipped = safe.length() > 4000 ? safe.substring(0, 4000) + "…" : safe;
        for (long chat : properties.chatIds()) {
            sending.execute(() -> {
                try {
                    api.send(SendMessage.builder().chatId(chat).text(clipped).build());
                } catch (RuntimeException e) {
                    log.warn("could not alert admin chat {}: {}", chat, e.getMessage());
                }
            });
        }
    }

    @Override
    public void close() {
        sending.close();
    }
}
