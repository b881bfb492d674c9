package app.avatarcall.telegram.miniapp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** initData signed at test time the way Telegram signs it, with a test bot token (and optionally an Ed25519 key). */
public final class SignedInitData {

    public static final String BOT_TOKEN = "123456789:AAH-test-token-for-avatar-call-tests";

    private final Map<String, String> fields = new LinkedHashMap<>();

    public static SignedInitData forUser(long id, String firstName, String language, long authDate) {
        SignedInitData data = new SignedInitData();
        data.fields.put("query_id", "AAHdF6IQAAAAAN0XohDhrOrc");
        data.fields.put("user", "{\"id\":" + id + ",\"first_name\":\"" + firstName + "\",\"last_name\":\"\",\"username\":\"ann_tg\","
                + "\"language_code\":\"" + language + "\",\"allows_write_to_pm\":true,"
                + "\"photo_url\":\"https:\\/\\/t.me\\/i\\/userpic\\/320\\/ann.svg\"}");
        data.fields.put("auth_date", String.valueOf(authDate));
        return data;
    }

    public SignedInitData with(String key, String value) {
        fields.put(key, value);
        return this;
    }

    /** Signs with Ed25519 as Telegram does for third parties ({@code signature}, base64url). */
    public SignedInitData signedWith(PrivateKey telegramKey) throws Exception {
        Map<String, String> sorted = new TreeMap<>(fields);
        sorted.remove("signature");
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(telegramKey);
        signer.update((BOT_TOKEN.substring(0, BOT_TOKEN.indexOf(':')) + ":WebAppData\n" + lines(sorted))
                .getBytes(StandardCharsets.UTF_8));
        fields.put("signature", Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()));
        return this;
    }

    /** The query string with its hash, in the fields' insertion order. */
    public String toQuery() {
        return toQuery(hash());
    }

    public String toQuery(String hash) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("hash", hash);
        return all.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public String hash() {
        byte[] secret = hmac("WebAppData".getBytes(StandardCharsets.UTF_8), BOT_TOKEN.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(secret, lines(new TreeMap<>(fields)).getBytes(StandardCharsets.UTF_8)));
    }

    private static String lines(Map<String, String> sorted) {
        return sorted.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n"));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
