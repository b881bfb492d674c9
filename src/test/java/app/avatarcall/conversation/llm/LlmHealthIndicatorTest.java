package app.avatarcall.conversation.llm;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.testing.FreePort;
import app.avatarcall.testing.TestClock;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The model's health against a tiny server that plays the model's API: what it answers, and how often it is asked. */
class LlmHealthIndicatorTest {

    private final TestClock clock = new TestClock();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/v1/models", exchange -> {
            asked.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"object\":\"list\",\"data\":[{\"id\":\"gpt-4o-mini\",\"object\":\"model\"}]}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private LlmHealthIndicator indicator(String base) {
        return new LlmHealthIndicator(new LlmProperties(URI.create(base), "sk-secret", "gpt-4o-mini", Duration.ofSeconds(2),
                Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(5), 0, Duration.ofMillis(10),
                Duration.ofSeconds(1), 100, null, 100, 1, false), clock);
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort() + "/v1";
    }

    @Test
    void a_model_server_that_lists_its_models_is_up_and_the_key_is_sent_but_never_shown() {
        Health health = indicator(base()).health();
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("model", "gpt-4o-mini").containsEntry("status", 200);
        assertThat(health.toString()).doesNotContain("sk-secret");
        assertThat(asked).containsExactly("GET /v1/models Bearer sk-secret");
    }

    @Test
    void the_model_server_is_asked_at_most_once_a_minute_whatever_probes() {
        LlmHealthIndicator indicator = indicator(base());
        indicator.health();
        clock.advance(Duration.ofSeconds(59));
        indicator.health();
        assertThat(asked).hasSize(1);
        status = 500;
        clock.advance(Duration.ofSeconds(1));
        assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
        assertThat(asked).hasSize(2);
    }

    @Test
    void a_refused_key_is_down() {
        status = 401;
        assertThat(indicator(base()).health().getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void an_unreachable_model_server_is_down_with_the_reason() {
        Health health = indicator("http://localhost:" + FreePort.find() + "/v1").health();
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsKey("error");
    }
}
