package app.avatarcall.telegram.miniapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the README lists reach the settings they name, and nothing set means the defaults. */
class MiniAppPropertiesTest {

    private static MiniAppProperties bind(Map<String, Object> environment) {
        StandardEnvironment env = new StandardEnvironment();
        MutablePropertySources sources = env.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        sources.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                environment));
        return new Binder(ConfigurationPropertySources.get(env)).bindOrCreate("telegram", MiniAppProperties.class);
    }

    @Test
    void the_readmes_environment_variables_set_the_mini_app() {
        MiniAppProperties properties = bind(Map.of("TELEGRAM_BOT_TOKEN", "1:x", "TELEGRAM_BOT_USERNAME", "avatar_bot",
                "TELEGRAM_TEST_SERVER", "true", "TELEGRAM_MINI_APP_AUTH_WINDOW", "10m",
                "TELEGRAM_MINI_APP_ALLOW_ANONYMOUS", "false", "TELEGRAM_MINI_APP_CHECK_SIGNATURE", "true"));

        assertThat(properties.botToken()).isEqualTo("1:x");
        assertThat(properties.botUsername()).isEqualTo("avatar_bot");
        assertThat(properties.testServer()).isTrue();
        assertThat(properties.miniApp()).isEqualTo(new MiniAppProperties.MiniApp(Duration.ofMinutes(10), false, true));
    }

    @Test
    void nothing_set_is_an_hour_anonymous_users_welcome_and_the_hmac_check_alone() {
        MiniAppProperties properties = bind(Map.of());

        assertThat(properties.botToken()).isNull();
        assertThat(properties.miniApp()).isEqualTo(new MiniAppProperties.MiniApp(Duration.ofHours(1), true, false));
    }
}
