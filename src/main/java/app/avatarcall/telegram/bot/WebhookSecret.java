package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * What Telegram must send in {@code X-Telegram-Bot-Api-Secret-Token}: {@code TELEGRAM_WEBHOOK_SECRET}, or else one
 * derived from the bot token (HMAC-SHA-256, hex), so that every instance agrees without another setting. Compared in
 * constant time.
 */
@Component
@OnBot
class WebhookSecret {

    static final String HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;

    WebhookSecret(TelegramProperties properties) {
        String configured = properties.webhookSecret();
        String value = configured != null && !configured.isBlank() ? configured.strip() : derive(properties.token());
        if (!value.matches("[A-Za-z0-9_-]{1,256}")) {
            throw new IllegalStateException("TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z a-z 0-9 _ -");
        }
        this.secret = value.getBytes(StandardCharsets.US_ASCII);
    }

    String value() {
        return new String(secret, StandardCharsets.US_ASCII);
    }

    boolean matches(@Nullable String header) {
        return header != null && MessageDigest.isEqual(secret, header.getBytes(StandardCharsets.UTF_8));
    }

    private static String derive(String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec("avatar-call/telegram-webhook".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
