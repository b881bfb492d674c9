package app.avatarcall.telegram.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class MiniAppSignInTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static MiniAppSignIn signIn(@Nullable String token, @Nullable String username, boolean checkSignature) {
        return new MiniAppSignIn(new MiniAppProperties(token, username, false,
                new MiniAppProperties.MiniApp(Duration.ofHours(1), true, checkSignature)), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String anya() {
        return SignedInitData.forUser(279058397, "Аня", "ru", NOW.getEpochSecond()).toQuery();
    }

    @Test
    void initData_signed_with_the_bot_token_verifies_the_person() {
        assertThat(signIn(SignedInitData.BOT_TOKEN, null, false).check(anya()))
                .isInstanceOfSatisfying(Verdict.Verified.class, verified -> assertThat(verified.user().id()).isEqualTo(279058397));
    }

    @Test
    void no_initData_is_a_web_user_and_a_forged_one_is_refused_with_its_reason() {
        MiniAppSignIn signIn = signIn(SignedInitData.BOT_TOKEN, null, false);

        assertThat(signIn.check("")).isEqualTo(new Verdict.Outside());
        assertThat(signIn.check(null)).isEqualTo(new Verdict.Outside());
        assertThat(signIn.check(anya().replace("279058397", "1")))
                .isEqualTo(new Verdict.Refused(InitDataRefused.Reason.BAD_HASH));
    }

    @Test
    void without_a_bot_token_nobody_can_be_verified_so_everybody_is_a_web_user() {
        assertThat(signIn(null, null, false).check(anya())).isEqualTo(new Verdict.Outside());
        assertThat(signIn("  ", null, false).check(anya())).isEqualTo(new Verdict.Outside());
    }

    @Test
    void with_the_signature_check_on_data_without_telegrams_ed25519_signature_is_refused() {
        assertThat(signIn(SignedInitData.BOT_TOKEN, null, true).check(anya()))
                .isEqualTo(new Verdict.Refused(InitDataRefused.Reason.BAD_SIGNATURE));
    }

    @Test
    void the_link_to_the_bot_is_made_only_from_a_username_that_looks_like_one() {
        assertThat(signIn(null, "@avatar_call_bot", false).botLink()).contains("https://t.me/avatar_call_bot");
        assertThat(signIn(null, "avatar_call_bot", false).botLink()).contains("https://t.me/avatar_call_bot");
        assertThat(signIn(null, "evil.example/phish", false).botLink()).isEmpty();
        assertThat(signIn(null, null, false).botLink()).isEmpty();
    }

    @Test
    void the_token_never_shows_in_the_settings_text() {
        assertThat(new MiniAppProperties(SignedInitData.BOT_TOKEN, null, false,
                new MiniAppProperties.MiniApp(Duration.ofHours(1), true, false)).toString())
                .doesNotContain(SignedInitData.BOT_TOKEN).doesNotContain("AAH");
    }
}
