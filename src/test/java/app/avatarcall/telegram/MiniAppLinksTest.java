package app.avatarcall.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.telegram.MiniAppLinks.StartParam;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The Mini App's addresses, and start parameters read as the untrusted input they are. */
class MiniAppLinksTest {

    private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCdEfGhIjKlMnOp";
    private final AvatarDirectory avatars = new AvatarDirectory();

    private MiniAppLinks links(@Nullable String webappUrl, @Nullable String username) {
        return new MiniAppLinks(avatars, new TelegramProperties("1:t", username, URI.create("https://api.telegram.org"),
                false, webappUrl, null, null, true, Duration.ofSeconds(50), 3, Duration.ofMillis(500),
                Duration.ofSeconds(60), 20, Duration.ofMinutes(1), DataSize.ofMegabytes(1), Set.of()));
    }

    @Test
    void a_start_parameter_names_an_avatar_or_a_ring_and_anything_else_gets_the_default_avatar() {
        MiniAppLinks links = links("https://call.example.com/", null);

        assertThat(links.parse("max")).isEqualTo(new StartParam.Avatar(avatars.find("max").orElseThrow()));
        assertThat(links.parse("MAX")).isEqualTo(new StartParam.Avatar(avatars.find("max").orElseThrow()));
        assertThat(links.parse("ring-" + TOKEN)).isEqualTo(new StartParam.Ring(TOKEN));
        for (String odd : new String[] {null, "", "nobody", "ring-", "ring-short", "ring-" + TOKEN + "!", "../max",
                "max?x=1", "m".repeat(65), "ring-" + "a".repeat(129)}) {
            assertThat(links.parse(odd)).as(odd).isEqualTo(new StartParam.Avatar(avatars.defaultAvatar()));
        }
    }

    @Test
    void the_mini_app_is_called_at_its_avatar_and_answered_with_the_ring_token() {
        MiniAppLinks links = links("https://call.example.com/app/", "avatar_call_bot");

        assertThat(links.callUrl(avatars.find("max").orElseThrow())).hasToString("https://call.example.com/app/call/max");
        assertThat(links.answerUrl(avatars.defaultAvatar(), TOKEN))
                .hasToString("https://call.example.com/app/call/ava?ring=" + TOKEN);
        assertThat(links.directLink("max")).contains(URI.create("https://t.me/avatar_call_bot?startapp=max"));
    }

    @Test
    void without_the_mini_app_address_there_is_nothing_to_open_and_without_a_username_no_t_me_link() {
        MiniAppLinks links = links(" ", null);

        assertThat(links.hasWebapp()).isFalse();
        assertThatThrownBy(() -> links.callUrl(avatars.defaultAvatar())).hasMessageContaining("TELEGRAM_WEBAPP_URL");
        assertThat(links.directLink("max")).isEmpty();
        links.learnBotUsername("learned_bot");
        assertThat(links.directLink("max")).contains(URI.create("https://t.me/learned_bot?startapp=max"));
    }
}
