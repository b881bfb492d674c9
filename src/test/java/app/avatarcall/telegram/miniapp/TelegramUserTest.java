package app.avatarcall.telegram.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TelegramUserTest {

    private static TelegramUser with(@Nullable String language, @Nullable String photo) {
        return new TelegramUser(279058397, "Аня", null, null, language, photo, null);
    }

    @Test
    void calls_ring_them_by_their_telegram_id() {
        assertThat(with(null, null).person()).isEqualTo("tg:279058397");
    }

    @Test
    void their_telegram_language_picks_russian_or_english_and_none_keeps_the_pages() {
        assertThat(with("ru", null).locale()).contains(Locale.forLanguageTag("ru"));
        assertThat(with("RU-ru", null).locale()).contains(Locale.forLanguageTag("ru"));
        assertThat(with("en", null).locale()).contains(Locale.ENGLISH);
        assertThat(with("pt-br", null).locale()).contains(Locale.ENGLISH);
        assertThat(with(null, null).locale()).isEmpty();
        assertThat(with(" ", null).locale()).isEmpty();
    }

    @Test
    void only_a_photo_telegram_serves_is_shown() {
        assertThat(with(null, "https://t.me/i/userpic/320/ann.svg").photo()).contains("https://t.me/i/userpic/320/ann.svg");
        assertThat(with(null, "http://t.me/i/userpic/320/ann.svg").photo()).isEmpty();
        assertThat(with(null, "https://t.me.evil.example/a.svg").photo()).isEmpty();
        assertThat(with(null, "https://evil.example/t.me/a.svg").photo()).isEmpty();
        assertThat(with(null, "https://user@t.me/a.svg").photo()).isEmpty();
        assertThat(with(null, "https://t.me:8443/a.svg").photo()).isEmpty();
        assertThat(with(null, "javascript:alert(1)").photo()).isEmpty();
        assertThat(with(null, "not a url").photo()).isEmpty();
        assertThat(with(null, null).photo()).isEmpty();
    }
}
