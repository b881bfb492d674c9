package app.avatarcall.telegram;

import app.avatarcall.testing.TestBeans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole app with its bot on, talking over real HTTP to the fake Bot API it serves itself: the app listens on a
 * free port picked before it starts, and {@code telegram.api-url} points there.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({"test", "fake-telegram"})
@Import(TestBeans.class)
@ContextConfiguration(initializers = BotTest.OwnPort.class)
@TestPropertySource(properties = {
        "telegram.bot-token=" + BotTest.TOKEN,
        "telegram.webapp-url=https://call.example.test/",
        "telegram.poll-timeout=1s",
        "telegram.retry-backoff=20ms",
        "telegram.flood-messages=5",
        "telegram.schedule.poll-every=100ms",
        "telegram.schedule.answer-window=5m",
        "telegram.schedule.retry-every=1m",
        "telegram.schedule.api-token=" + BotTest.SCHEDULE_API_TOKEN,
        "telegram.alerts.chat-ids=" + BotTest.ADMIN_CHAT,
        "telegram.admin-ids=" + BotTest.CONSOLE_ADMIN,
        "logging.level.app.avatarcall.telegram=INFO"})
public @interface BotTest {

    /** A Telegram user the admin console lets in (and the bot offers it to). */
    long CONSOLE_ADMIN = 777_000_001L;

    String TOKEN = "123456:TEST-fake-token-0123456789abcdefghijk";
    long ADMIN_CHAT = -100777;
    String SCHEDULE_API_TOKEN = "operator-token-for-tests";

    /** Picks the port before the context starts, so that the bot's API address can name it. */
    final class OwnPort implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            int port = freePort();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bot-test-port", Map.of(
                    "server.port", port, "telegram.api-url", "http://localhost:" + port)));
        }

        public static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
