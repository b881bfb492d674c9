package app.avatarcall.telegram.miniapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.telegram.miniapp.InitDataRefused.Reason;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InitDataValidatorTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final long AUTH_DATE = NOW.minusSeconds(60).getEpochSecond();

    private final InitDataValidator validator = new InitDataValidator(SignedInitData.BOT_TOKEN, Duration.ofHours(1), null,
            Clock.fixed(NOW, ZoneOffset.UTC));

    private static SignedInitData ann() {
        return SignedInitData.forUser(279058397, "Аня", "ru", AUTH_DATE);
    }

    @Test
    void data_signed_with_the_bot_token_yields_the_person_exactly_as_telegram_sent_them() throws Exception {
        TelegramUser user = validator.validate(ann().with("start_param", "max").toQuery());

        assertThat(user).isEqualTo(new TelegramUser(279058397, "Аня", "", "ann_tg", "ru",
                "https://t.me/i/userpic/320/ann.svg", "max"));
    }

    @Test
    void fields_in_any_order_validate_because_the_check_string_is_sorted() throws Exception {
        SignedInitData data = SignedInitData.forUser(1, "Bob", "en", AUTH_DATE);
        String hash = data.hash();
        String reordered = data.toQuery(hash).split("&hash=")[0];
        String[] parts = reordered.split("&");
        java.util.Collections.reverse(Arrays.asList(parts));

        assertThat(validator.validate("hash=" + hash + "&" + String.join("&", parts)).id()).isEqualTo(1);
    }

    @Test
    void a_tampered_value_is_refused() {
        String forged = ann().toQuery().replace("279058397", "1");
        refused(() -> validator.validate(forged), Reason.BAD_HASH);
    }

    @Test
    void a_hash_made_with_another_bot_token_is_refused() {
        InitDataValidator other = new InitDataValidator("987654321:another-bot", Duration.ofHours(1), null,
                Clock.fixed(NOW, ZoneOffset.UTC));
        refused(() -> other.validate(ann().toQuery()), Reason.BAD_HASH);
    }

    @Test
    void data_without_a_hash_or_without_anything_is_refused() {
        refused(() -> validator.validate(ann().toQuery().replaceAll("&hash=[0-9a-f]+", "")), Reason.BAD_HASH);
        refused(() -> validator.validate(""), Reason.MISSING);
        refused(() -> validator.validate(null), Reason.MISSING);
    }

    @Test
    void data_older_than_the_window_is_refused_as_a_replay() {
        String old = SignedInitData.forUser(1, "Bob", "en", NOW.minus(Duration.ofHours(2)).getEpochSecond()).toQuery();
        refused(() -> validator.validate(old), Reason.EXPIRED);
    }

    @Test
    void a_field_given_twice_is_refused_even_when_one_copy_is_signed() {
        String doubled = ann().toQuery() + "&user=" + "%7B%22id%22%3A1%2C%22first_name%22%3A%22Eve%22%7D";
        refused(() -> validator.validate(doubled), Reason.MALFORMED);
    }

    @Test
    void garbage_is_refused_as_malformed_not_crashed_on() {
        refused(() -> validator.validate("%%%"), Reason.MALFORMED);
        refused(() -> validator.validate("no-equals-sign"), Reason.MALFORMED);
        refused(() -> validator.validate("a=" + "x".repeat(10_000)), Reason.MALFORMED);
    }

    @Test
    void signed_data_without_a_user_is_refused() {
        SignedInitData noUser = new SignedInitData().with("auth_date", String.valueOf(AUTH_DATE)).with("chat_type", "sender");
        refused(() -> validator.validate(noUser.toQuery()), Reason.NO_USER);
    }

    @Test
    void the_ed25519_signature_is_checked_when_asked_for() throws Exception {
        KeyPair telegram = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] encoded = telegram.getPublic().getEncoded();
        String raw = HexFormat.of().formatHex(Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length));
        InitDataValidator strict = new InitDataValidator(SignedInitData.BOT_TOKEN, Duration.ofHours(1), raw,
                Clock.fixed(NOW, ZoneOffset.UTC));
        KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        assertThat(strict.validate(ann().signedWith(telegram.getPrivate()).toQuery()).id()).isEqualTo(279058397);
        refused(() -> strict.validate(ann().signedWith(forger.getPrivate()).toQuery()), Reason.BAD_SIGNATURE);
        refused(() -> strict.validate(ann().toQuery()), Reason.BAD_SIGNATURE);
    }

    @Test
    void telegrams_own_public_keys_are_valid_ed25519_keys() {
        new InitDataValidator(SignedInitData.BOT_TOKEN, Duration.ofHours(1), InitDataValidator.PRODUCTION_KEY, Clock.systemUTC());
        new InitDataValidator(SignedInitData.BOT_TOKEN, Duration.ofHours(1), InitDataValidator.TEST_ENVIRONMENT_KEY,
                Clock.systemUTC());
    }

    private static void refused(ThrowingCallable validation, Reason reason) {
        assertThatThrownBy(validation).isInstanceOfSatisfying(InitDataRefused.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
