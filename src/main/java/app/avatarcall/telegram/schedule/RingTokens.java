package app.avatarcall.telegram.schedule;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The token on a ring's Answer button: the ring's id and when it stops ringing, signed (HMAC-SHA-256, truncated to
 * 128 bits) with a key derived from the bot token, so every instance can check it and nobody else can make one.
 * Base64url without padding (54 characters), which fits a URL and a {@code startapp} parameter. Being single-use is
 * the database's part ({@link Rings#answer}).
 */
@Component
@OnBot
class RingTokens {

    private static final int MAC_BYTES = 16;
    private static final int PAYLOAD_BYTES = 16 + 8;

    private final SecretKeySpec key;
    private final Clock clock;

    RingTokens(TelegramProperties properties, Clock clock) {
        this.key = new SecretKeySpec(hmac(new SecretKeySpec("avatar-call/ring-token".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), properties.token().getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
        this.clock = clock;
    }

    String issue(UUID ringId, Instant expiresAt) {
        ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES + MAC_BYTES)
                .putLong(ringId.getMostSignificantBits()).putLong(ringId.getLeastSignificantBits())
                .putLong(expiresAt.getEpochSecond());
        payload.put(Arrays.copyOf(hmac(key, Arrays.copyOf(payload.array(), PAYLOAD_BYTES)), MAC_BYTES));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(payload.array());
    }

    /** The ring a token names, if it is genuine and has not expired; anything else finds nothing. */
    Optional<UUID> verify(String token) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        if (bytes.length != PAYLOAD_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        byte[] payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
        byte[] mac = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(hmac(key, payload), MAC_BYTES))) {
            return Optional.empty();
        }
        ByteBuffer read = ByteBuffer.wrap(payload);
        UUID ringId = new UUID(read.getLong(), read.getLong());
        return Instant.ofEpochSecond(read.getLong()).isAfter(clock.instant()) ? Optional.of(ringId) : Optional.empty();
    }

    private static byte[] hmac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
