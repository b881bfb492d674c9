package app.avatarcall.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.avatarcall.testing.AppTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@AppTest
class AvatarDirectoryTest {

    private static final Locale RU = Locale.forLanguageTag("ru");

    @Autowired
    AvatarDirectory avatars;
    @Autowired
    AvatarRows rows;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void putTheDemoAvatarsBack() {
        avatars.setDefault("ava");
        avatars.all().stream().filter(avatar -> !List.of("ava", "max").contains(avatar.id()))
                .forEach(avatar -> avatars.delete(avatar.id()));
        BuiltInAvatars.ALL.forEach(avatars::save);
    }

    @Test
    void without_configuration_the_database_holds_the_two_demo_avatars_ava_first_and_default() {
        assertThat(avatars.all()).containsExactlyElementsOf(BuiltInAvatars.ALL);
        assertThat(avatars.defaultAvatar().id()).isEqualTo("ava");
        assertThat(new AvatarDirectory().all()).isEqualTo(avatars.all()); // the seed is the built-in set
    }

    @Test
    void a_saved_russian_avatar_is_found_by_the_next_lookup_with_all_its_settings() {
        AvatarProfile nina = nina();
        avatars.save(nina);

        assertThat(avatars.find("nina")).contains(nina);
        assertThat(avatars.all()).extracting(AvatarProfile::id).containsExactly("ava", "max", "nina");
        assertThat(rows.load().avatars()).contains(nina); // kept, not only cached
        assertThat(nina.persona(Locale.GERMAN).name()).isEqualTo("Нина"); // her own language for anyone else
        assertThat(nina.spec(RU)).isEqualTo(new AvatarSpec("nina-look", "voice-7", RU, 1.25, "friendly", "ctx-1"));
    }

    @Test
    void an_edit_replaces_the_avatar_and_its_personas() {
        avatars.save(nina());
        AvatarProfile english = new AvatarProfile("nina", "other-look", "voice-8", Map.of(
                "en", new AvatarProfile.Persona("Nina", "Tutor", "Hello!")));
        avatars.save(english);

        assertThat(avatars.find("nina")).contains(english);
        assertThat(jdbc.sql("select count(*) from avatar_persona where avatar_id = 'nina'").query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void the_default_can_move_but_not_be_deleted() {
        avatars.save(nina());
        assertThat(avatars.setDefault("nina")).isTrue();
        assertThat(avatars.defaultAvatar().id()).isEqualTo("nina");
        assertThat(avatars.delete("nina")).isFalse();
        assertThat(avatars.setDefault("nobody")).isFalse();

        assertThat(avatars.delete("max")).isTrue();
        assertThat(avatars.find("max")).isEmpty();
        assertThat(jdbc.sql("select count(*) from avatar where is_default").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void ids_that_would_not_make_a_clean_deep_link_are_refused() {
        for (String id : List.of("Nina", "a", "nina/../x", "-nina", "ни", "x".repeat(33))) {
            assertThatThrownBy(() -> avatars.save(new AvatarProfile(id, "ava", "female", nina().personas())))
                    .as(id).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void a_profile_needs_english_a_persona_in_its_own_language_and_a_sane_speed() {
        var english = Map.of("en", new AvatarProfile.Persona("Nina", "Tutor", "Hello!"));
        assertThatThrownBy(() -> new AvatarProfile("nina", "a", "v", Map.of("ru", nina().personas().get("ru"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvatarProfile("nina", "a", "v", english, "ru", SpeechMode.TALK, 1, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AvatarProfile("nina", "a", "v", english, "en", SpeechMode.TALK, 3, "", ""))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_avatar_row_broken_by_hand_is_left_out_and_the_others_still_ring() {
        jdbc.sql("insert into avatar (id, look, voice, voice_speed, voice_emotion, language, starts_in, context, "
                + "is_default, position, updated_at) values ('broken', 'ava', '', 1, '', 'en', 'TALK', '', false, 9, "
                + "current_timestamp)").update(); // and no English persona
        try {
            avatars.setDefault("ava"); // any change reads the tables again
            assertThat(avatars.all()).extracting(AvatarProfile::id).containsExactly("ava", "max");
        } finally {
            jdbc.sql("delete from avatar where id = 'broken'").update();
        }
    }

    static AvatarProfile nina() {
        return new AvatarProfile("nina", "nina-look", "voice-7", Map.of(
                "en", new AvatarProfile.Persona("Nina", "Language partner", "Hi, I'm Nina!", "You are patient."),
                "ru", new AvatarProfile.Persona("Нина", "Языковой партнёр", "Привет, я Нина!", "Ты терпеливая.")),
                "ru", SpeechMode.REPEAT, 1.25, "friendly", "ctx-1");
    }
}
