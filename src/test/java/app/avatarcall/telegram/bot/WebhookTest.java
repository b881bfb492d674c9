package app.avatarcall.telegram.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.avatarcall.telegram.BotTest;
import app.avatarcall.telegram.fake.FakeTelegram;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/** Webhook mode, as several instances run it: Telegram pushes updates, with its secret, sometimes twice. */
@BotTest
@TestPropertySource(properties = {"telegram.webhook-url=https://bot.example.test/telegram/webhook",
        "telegram.max-update-size=64KB"})
class WebhookTest {

    private static final AtomicLong PEOPLE = new AtomicLong(7000);
    private static final AtomicLong UPDATES = new AtomicLong(900_000);

    @Autowired
    FakeTelegram telegram;
    @Autowired
    WebhookSecret secret;
    @Value("${server.port}")
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final long person = PEOPLE.incrementAndGet();

    private int post(@Nullable String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/telegram/webhook"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String update(long updateId, String text) {
        return """
                {"update_id":%d,"message":{"message_id":1,"date":%d,"text":"%s",
                 "chat":{"id":%d,"type":"private","first_name":"Alex"},
                 "from":{"id":%d,"is_bot":false,"first_name":"Alex","language_code":"en"},
                 "entities":[{"type":"bot_command","offset":0,"length":5}]}}"""
                .formatted(updateId, Instant.now().getEpochSecond(), text, person, person);
    }

    @Test
    void at_start_up_the_webhook_is_set_with_its_secret_and_no_one_polls() {
        assertThat(telegram.webhookUrl()).isEqualTo("https://bot.example.test/telegram/webhook");
        assertThat(telegram.requests("setWebhook")).last()
                .satisfies(r -> assertThat(r.param("secret_token")).isEqualTo(secret.value()));
        assertThat(telegram.requests("getUpdates")).isEmpty();
    }

    @Test
    void a_request_without_the_secret_or_with_a_wrong_one_is_refused() throws Exception {
        assertThat(post(null, update(UPDATES.incrementAndGet(), "/help"))).isEqualTo(401);
        assertThat(post("not-the-secret", update(UPDATES.incrementAndGet(), "/help"))).isEqualTo(401);
        assertThat(post(secret.value() + "x", update(UPDATES.incrementAndGet(), "/help"))).isEqualTo(401);

        await().during(Duration.ofMillis(300)).until(() -> telegram.messagesTo(person).isEmpty());
    }

    @Test
    void an_update_delivered_twice_is_handled_once() throws Exception {
        String help = update(UPDATES.incrementAndGet(), "/help");

        assertThat(post(secret.value(), help)).isEqualTo(200);
        assertThat(post(secret.value(), help)).isEqualTo(200);

        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(person).size() == 1);
        await().during(Duration.ofMillis(500)).until(() -> telegram.messagesTo(person).size() == 1);
        assertThat(telegram.messagesTo(person).getFirst().text()).contains("/call");
    }

    @Test
    void garbage_is_acknowledged_and_dropped_and_an_oversized_body_is_refused_unread() throws Exception {
        assertThat(post(secret.value(), "not json at all")).isEqualTo(200);
        assertThat(post(secret.value(), "{\"update_id\":\"many\"}")).isEqualTo(200);
        assertThat(post(secret.value(), "[1,2,3]")).isEqualTo(200);
        assertThat(post(secret.value(), "null")).isEqualTo(200);
        assertThat(post(secret.value(), "{\"message\":{\"text\":\"/start\"}}")).isEqualTo(200); // no update_id
        assertThat(post(secret.value(), update(UPDATES.incrementAndGet(), "x".repeat(70_000)))).isEqualTo(413);

        assertThat(post(secret.value(), update(UPDATES.incrementAndGet(), "/help"))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> telegram.messagesTo(person).size() == 1);
    }
}
