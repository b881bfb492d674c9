package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.testing.AppTest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * V4's avatars and knowledge base on a real PostgreSQL, as in production. Runs when {@code TEST_POSTGRES_URL} is set
 * (CI starts a Debian PostgreSQL for it; see .ci/run).
 */
@AppTest
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_POSTGRES_URL}",
        "spring.datasource.username=${TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${TEST_POSTGRES_PASSWORD:}"})
class KnowledgeOnPostgresTest {

    @Autowired
    AvatarDirectory avatars;
    @Autowired
    KnowledgeItems items;
    @Autowired
    KnowledgeBaseResponder responder;
    @Autowired
    DataSource dataSource;

    @AfterEach
    void putItBack() {
        avatars.setDefault("ava");
        avatars.delete("nina");
        items.all().forEach(item -> items.delete(item.id()));
    }

    @Test
    void avatars_and_their_knowledge_are_kept_on_postgresql_and_go_together() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        assertThat(avatars.all()).extracting(AvatarProfile::id).startsWith("ava", "max");
        AvatarProfile nina = new AvatarProfile("nina", "ava", "female", Map.of(
                "en", new AvatarProfile.Persona("Nina", "Tutor", "Hi!"),
                "ru", new AvatarProfile.Persona("Нина", "Репетитор", "Привет!")), "ru", SpeechMode.REPEAT, 0.8, "", "");
        avatars.save(nina);
        avatars.setDefault("nina");
        KnowledgeItem faq = items.save(KnowledgeItem.faq("nina", List.of("Где ваш офис?"), "На Невском проспекте."));

        assertThat(avatars.defaultAvatar()).isEqualTo(nina);
        assertThat(items.all()).containsExactly(faq);
        assertThat(responder.answer("где офис", Locale.forLanguageTag("ru"), "nina").text()).isEqualTo("На Невском проспекте.");

        avatars.setDefault("ava");
        avatars.delete("nina");
        assertThat(items.all()).isEmpty(); // the avatar's knowledge went with it
    }
}
