package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Updates pushed by Telegram in webhook mode ({@code TELEGRAM_WEBHOOK_URL} points here). Only requests carrying the
 * secret are read (401 otherwise); a body past {@code telegram.max-update-size} is refused unread (413). An update
 * that cannot be read is acknowledged and dropped: answering non-2xx would make Telegram send it again for a day.
 */
@RestController
@OnBot
class WebhookController {

    static final String PATH = "/telegram/webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    private final TelegramProperties properties;
    private final WebhookSecret secret;
    private final UpdateDispatcher dispatcher;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    WebhookController(TelegramProperties properties, WebhookSecret secret, UpdateDispatcher dispatcher) {
        this.properties = properties;
        this.secret = secret;
        this.dispatcher = dispatcher;
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = WebhookSecret.HEADER, required = false) @Nullable String token,
                                 HttpServletRequest request) throws IOException {
        if (!properties.webhook()) {
            return ResponseEntity.notFound().build();
        }
        if (!secret.matches(token)) {
            log.warn("a webhook request without the right secret was refused");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        long max = properties.maxUpdateSize().toBytes();
        if (request.getContentLengthLong() > max) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) max + 1);
        }
        if (body.length > max) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        Update update;
        try {
            update = json.readValue(body, Update.class);
        } catch (IOException | RuntimeException e) {
            update = null;
        }
        if (update == null || update.getUpdateId() == null) {
            log.warn("a webhook update could not be read and was dropped");
            return ResponseEntity.ok().build();
        }
        dispatcher.dispatch(update);
        return ResponseEntity.ok().build();
    }
}
