package app.avatarcall.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The environment variables the README names reach the settings, and the token never reaches a log line. */
class TelegramPropertiesTest {

    private static TelegramProperties bind(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("telegram", TelegramProperties.class);
    }

    @Test
    void settings_come_from_their_environment_variables() {
        TelegramProperties properties = bind(Map.of("TELEGRAM_WEBHOOK_URL", "https://bot.example.com/telegram/webhook",
                "TELEGRAM_FLOOD_MESSAGES", "7", "TELEGRAM_POLL_TIMEOUT", "20s", "TELEGRAM_MAX_RETRY_AFTER", "2m"));

        assertThat(properties.webhook()).isTrue();
        assertThat(properties.floodMessages()).isEqualTo(7);
        assertThat(properties.pollTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.maxRetryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.polling()).isTrue();
        assertThat(properties.apiUrl()).hasToString("https://api.telegram.org");
    }

    @Test
    void the_token_and_the_webhook_secret_never_show_in_the_settings_printed() {
        TelegramProperties properties = bind(Map.of("TELEGRAM_BOT_TOKEN", "123456:secret-token-abcdefghijklmnopqrstuvw",
                "TELEGRAM_WEBHOOK_SECRET", "s3cr3t-webhook"));
        String printed = properties.toString();

        assertThat(properties.token()).isEqualTo("123456:secret-token-abcdefghijklmnopqrstuvw");

        assertThat(printed).startsWith("TelegramProperties[").doesNotContain("secret-token").doesNotContain("s3cr3t");
    }
}
