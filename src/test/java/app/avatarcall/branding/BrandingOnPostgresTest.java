package app.avatarcall.branding;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.AppTest;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * V5__branding.sql and the branding store on a real PostgreSQL, as in production (bytea logo, boolean columns, the
 * one-row check). Runs when {@code TEST_POSTGRES_URL} is set (see .ci/run).
 */
@AppTest
@EnabledIfEnvironmentVariable(named = "TEST_POSTGRES_URL", matches = ".+")
@TestPropertySource(properties = {
        "spring.datasource.url=${TEST_POSTGRES_URL}",
        "spring.datasource.username=${TEST_POSTGRES_USER:postgres}",
        "spring.datasource.password=${TEST_POSTGRES_PASSWORD:}"})
class BrandingOnPostgresTest {

    @Autowired
    Brandings brandings;
    @Autowired
    DataSource dataSource;

    @Test
    void the_branding_migration_runs_and_a_branding_with_a_logo_round_trips_on_postgresql() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        brandings.reset("test");
        assertThat(brandings.current()).isEqualTo(Branding.DEFAULT);

        Logo logo = LogoImages.reencode(TestImages.image("png", 80, 80));
        Branding edited = new Branding("#ff0000", "#000000", "#111111", Branding.Scheme.LIGHT,
                Branding.PortraitStyle.FULL, Branding.ChatPlacement.BOTTOM, false, Branding.Ringtone.SILENT, 0, false,
                "", new ScreenTexts(Map.of(), Map.of(ScreenText.ENDED, "Спасибо за звонок!")));
        Branding saved = brandings.save(edited, logo, "operator");

        assertThat(saved.withLogoVersion("")).isEqualTo(edited);
        assertThat(saved.logoVersion()).isEqualTo(logo.version());
        assertThat(brandings.logo()).hasValueSatisfying(kept -> assertThat(kept.png()).isEqualTo(logo.png()));
        assertThat(saved.texts().of(Locale.forLanguageTag("ru"), ScreenText.ENDED)).hasValue("Спасибо за звонок!");
        assertThat(brandings.reset("test")).isEqualTo(Branding.DEFAULT);
    }
}
