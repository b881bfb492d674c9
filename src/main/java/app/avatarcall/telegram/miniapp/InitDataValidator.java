package app.avatarcall.telegram.miniapp;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the raw {@code initData} string exactly as Telegram's documentation says: the HMAC-SHA-256 {@code hash}
 * over every other field, sorted, with a key derived from the bot token (compared in constant time), an
 * {@code auth_date} no older than the window, and optionally the Ed25519 {@code signature} with Telegram's public key.
 * A field given twice is refused: Telegram never sends one twice, and a forger would.
 */
public final class InitDataValidator {

    /** Telegram's Ed25519 public keys for third-party validation (production and test environment). */
    static final String PRODUCTION_KEY = "e7bf03a2fa4602af4580703d88dda5bb59f32ed8b02a56c187fe7d34caed242d";
    static final String TEST_ENVIRONMENT_KEY = "40055058a4ee38156a06562e52eece92a771bcd8346a8c4615cb7376eddf72ec";
    private static final String ED25519_SPKI_PREFIX = "302a300506032b6570032100";
    private static final int MAX_LENGTH = 8192;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final byte[] secretKey;
    private final String botId;
    private final Duration window;
    private final @Nullable PublicKey telegramKey;
    private final Clock clock;

    /**
     * @param botToken    the bot's token (server side only)
     * @param window      how old {@code auth_date} may be
     * @param telegramKey Telegram's Ed25519 key in hex to also check {@code signature}, or null to check the hash only
     */
    public InitDataValidator(String botToken, Duration window, @Nullable String telegramKey, Clock clock) {
        this.secretKey = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), botToken.getBytes(StandardCharsets.UTF_8));
        this.botId = botToken.contains(":") ? botToken.substring(0, botToken.indexOf(':')) : botToken;
        this.window = window;
        this.telegramKey = telegramKey == null ? null : ed25519(telegramKey);
        this.clock = clock;
    }

    public TelegramUser validate(@Nullable String initData) throws InitDataRefused {
        if (initData == null || initData.isBlank()) {
            throw new InitDataRefused(InitDataRefused.Reason.MISSING, "no initData (opened outside Telegram?)");
        }
        if (initData.length() > MAX_LENGTH) {
            throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "initData of " + initData.length() + " chars");
        }
        Map<String, String> fields = parse(initData);
        String hash = fields.remove("hash");
        if (hash == null) {
            throw new InitDataRefused(InitDataRefused.Reason.BAD_HASH, "no hash");
        }
        byte[] expected = HexFormat.of().formatHex(hmac(secretKey, checkString(fields).getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, hash.toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new InitDataRefused(InitDataRefused.Reason.BAD_HASH, "hash does not match");
        }
        if (telegramKey != null) {
            verifySignature(fields);
        }
        checkFresh(fields.get("auth_date"));
        return user(fields);
    }

    private static Map<String, String> parse(String initData) throws InitDataRefused {
        Map<String, String> fields = new TreeMap<>();
        for (String pair : initData.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "a field without a name or value");
            }
            String key;
            String value;
            try {
                key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
                value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "bad percent-encoding");
            }
            if (fields.put(key, value) != null) {
                throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "field " + key + " given twice");
            }
        }
        return fields;
    }

    /** Sorted {@code key=value} lines; the values exactly as received (decoded), never re-serialized. */
    private static String checkString(Map<String, String> sortedFields) {
        return sortedFields.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private void verifySignature(Map<String, String> fields) throws InitDataRefused {
        String signature = fields.get("signature");
        if (signature == null) {
            throw new InitDataRefused(InitDataRefused.Reason.BAD_SIGNATURE, "no signature");
        }
        Map<String, String> signed = new TreeMap<>(fields);
        signed.remove("signature");
        String data = botId + ":WebAppData\n" + checkString(signed);
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(telegramKey);
            verifier.update(data.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(Base64.getUrlDecoder().decode(signature))) {
                throw new InitDataRefused(InitDataRefused.Reason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InitDataRefused(InitDataRefused.Reason.BAD_SIGNATURE, e.getMessage());
        }
    }

    private void checkFresh(@Nullable String authDate) throws InitDataRefused {
        Instant issued;
        try {
            issued = Instant.ofEpochSecond(Long.parseLong(String.valueOf(authDate)));
        } catch (NumberFormatException e) {
            throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "auth_date is not a number");
        }
        Instant now = clock.instant();
        if (issued.isBefore(now.minus(window)) || issued.isAfter(now.plus(Duration.ofMinutes(5)))) {
            throw new InitDataRefused(InitDataRefused.Reason.EXPIRED, "auth_date " + issued + " outside " + window);
        }
    }

    private static TelegramUser user(Map<String, String> fields) throws InitDataRefused {
        String text = fields.get("user");
        if (text == null) {
            throw new InitDataRefused(InitDataRefused.Reason.NO_USER, "no user (opened from a keyboard button?)");
        }
        JsonNode user;
        try {
            user = JSON.readTree(text);
        } catch (JacksonException e) {
            throw new InitDataRefused(InitDataRefused.Reason.MALFORMED, "user is not JSON");
        }
        if (!user.path("id").canConvertToLong() || !user.path("first_name").isString()) {
            throw new InitDataRefused(InitDataRefused.Reason.NO_USER, "user without id or first name");
        }
        return new TelegramUser(user.path("id").asLong(), user.path("first_name").asString(), text(user, "last_name"),
                text(user, "username"), text(user, "language_code"), text(user, "photo_url"), fields.get("start_param"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static PublicKey ed25519(String hex) {
        try {
            return KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(HexFormat.of().parseHex(ED25519_SPKI_PREFIX + hex)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an Ed25519 public key: " + hex, e);
        }
    }
}
