package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.ResponseParameters;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Telegram's Bot API with the manners it asks for: a 429 waits the {@code retry_after} Telegram names (up to
 * {@code telegram.max-retry-after}), a 5xx or a lost connection is tried again with a doubling back-off, and a 403
 * on a message marks the person as having blocked the bot. Other refusals (400, 401, 404, 409) are not retried.
 */
@Component
@OnBot
public class BotApi {

    private static final Logger log = LoggerFactory.getLogger(BotApi.class);

    private final TelegramClient client;
    private final TelegramProperties properties;
    private final BotUsers users;
    private final Clock clock;
    /** How the latest call went, for the health check. */
    private volatile @Nullable BotApiOutcome last;

    BotApi(TelegramClient client, TelegramProperties properties, BotUsers users, Clock clock) {
        this.client = client;
        this.properties = properties;
        this.users = users;
        this.clock = clock;
    }

    /** How the latest Bot API call made through here went; empty before the first. */
    public Optional<BotApiOutcome> lastOutcome() {
        return Optional.ofNullable(last);
    }

    /** Asks Telegram who the bot is ({@code getMe}, free and cheap), once and without retries: is the Bot API there? */
    public BotApiOutcome ping() {
        try {
            client.execute(new GetMe());
            return noted("getMe", null);
        } catch (TelegramApiException e) {
            return noted("getMe", String.valueOf(e.getMessage()));
        }
    }

    private BotApiOutcome noted(String method, @Nullable String error) {
        // Telegram's messages never carry the token, but a library's might carry a URL with it: never shown.
        String shown = error == null ? null : error.replace(properties.token(), "<token>");
        BotApiOutcome outcome = new BotApiOutcome(method, clock.instant(), shown == null, shown);
        last = outcome;
        return outcome;
    }

    /** Sends a message; empty when the person has blocked the bot (they are then marked so). */
    public Optional<Message> send(SendMessage message) {
        try {
            return Optional.of(execute(message));
        } catch (BotApiException e) {
            if (e.blocked()) {
                markBlocked(message.getChatId());
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Edits a message the bot sent; false when it can no longer be edited (too old, deleted) or the person blocked it. */
    public boolean edit(EditMessageText edit) {
        try {
            execute(edit);
            return true;
        } catch (BotApiException e) {
            if (e.blocked()) {
                markBlocked(edit.getChatId());
                return false;
            }
            if (e.errorCode() == 400) {
                log.info("could not edit message {}: {}", edit.getMessageId(), e.getMessage());
                return false;
            }
            throw e;
        }
    }

    /** Calls the Bot API, retrying what is worth retrying. */
    public <T extends Serializable> T execute(BotApiMethod<T> method) {
        return retrying(method.getMethod(), () -> client.execute(method));
    }

    /** {@code setWebhook}, which the library sends as a form (it may carry a certificate). */
    void setWebhook(SetWebhook webhook) {
        retrying(webhook.getMethod(), () -> client.execute(webhook));
    }

    private interface Call<T> {
        T run() throws TelegramApiException;
    }

    private <T> T retrying(String method, Call<T> call) {
        int attempt = 0;
        while (true) {
            BotApiException failure;
            try {
                T result = call.run();
                noted(method, null);
                return result;
            } catch (TelegramApiRequestException e) {
                failure = failure(method, e);
            } catch (TelegramApiException e) {
                failure = new BotApiException(method, 0, String.valueOf(e.getMessage()), null, e);
            }
            // A refusal about one chat (blocked, a too old message, flood control) is Telegram working as it should.
            int code = failure.errorCode();
            noted(method, code == 0 || code == 401 || code == 404 || code >= 500 ? failure.getMessage() : null);
            if (!failure.temporary() || attempt >= properties.retries()) {
                throw failure;
            }
            Duration wait = wait(failure, attempt++);
            if (wait.compareTo(properties.maxRetryAfter()) > 0) {
                throw failure;
            }
            log.info("{}; trying again in {} ms", failure.getMessage(), wait.toMillis());
            pause(wait, failure);
        }
    }

    private static BotApiException failure(String method, TelegramApiRequestException e) {
        Integer code = e.getErrorCode();
        ResponseParameters parameters = e.getParameters();
        Duration retryAfter = parameters == null || parameters.getRetryAfter() == null
                ? null : Duration.ofSeconds(parameters.getRetryAfter());
        String description = e.getApiResponse() != null ? e.getApiResponse() : String.valueOf(e.getMessage());
        return new BotApiException(method, code == null ? 0 : code, description, retryAfter, e);
    }

    private Duration wait(BotApiException failure, int attempt) {
        if (failure.errorCode() == 429) {
            return failure.retryAfter() != null ? failure.retryAfter() : Duration.ofSeconds(1);
        }
        return properties.retryBackoff().multipliedBy(1L << Math.min(attempt, 10));
    }

    private static void pause(Duration wait, BotApiException failure) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private void markBlocked(@Nullable String chatId) {
        try {
            if (chatId != null) {
                users.markBlocked(Long.parseLong(chatId));
            }
        } catch (NumberFormatException notAPerson) {
            // a channel's @name: nobody to mark
        }
    }
}
