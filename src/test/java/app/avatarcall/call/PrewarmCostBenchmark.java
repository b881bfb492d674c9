package app.avatarcall.call;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.testing.FreePort;
import app.avatarcall.testing.Stats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What pre-warming costs when nobody answers: the real LiveAvatar provider against the in-process fake (token
 * 300 ms, start 2 s, as seen from Europe), the production executor and clock. For each way a call can go unanswered,
 * the provider seconds billed per call and the time from the person's decision to the provider's stop.
 * Target: stopped within a second.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "avatar.provider=liveavatar", "liveavatar.api-key=fake-liveavatar-key", "liveavatar.sandbox=true",
        "fake-liveavatar.token-latency=300ms", "fake-liveavatar.start-latency=2s", "fake-liveavatar.concurrent-limit=50",
        "call.ring-timeout=6s", "vaadin.productionMode=true", "logging.level.app.avatarcall=WARN",
        "spring.datasource.url=jdbc:h2:mem:prewarm-bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
@ActiveProfiles("fake-liveavatar")
class PrewarmCostBenchmark {

    private static final int RUNS = 8;
    private static final int PORT = FreePort.find();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void fake(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("liveavatar.base-url", () -> "http://localhost:" + PORT + "/fake-liveavatar");
    }

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void provider_time_of_calls_nobody_answers() throws Exception {
        Stats.line("");
        Stats.line("Pre-warm cost, LiveAvatar fake (token 300 ms + start 2 s), " + RUNS + " calls each");
        measure("declined after 4 s of ringing (avatar ready)", Duration.ofSeconds(4), true);
        measure("declined after 1 s of ringing (avatar still opening)", Duration.ofSeconds(1), true);
        measure("missed (ring timeout 6 s)", Duration.ofSeconds(6), false);
    }

    private void measure(String what, Duration ringing, boolean decline) throws Exception {
        List<Double> billed = new ArrayList<>();
        List<Double> stopAfter = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            Set<String> before = ids(sessions("historic"));
            Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, "bench-" + run);
            Thread.sleep(ringing);
            Instant decided = Instant.now();
            if (decline) {
                calls.decline(call);
            } else {
                while (!call.state().isOver()) {
                    Thread.sleep(10);
                }
                decided = call.endedAt().orElseThrow();
            }
            JsonNode stopped = awaitStopped(before);
            billed.add(stopped.path("duration").asDouble());
            stopAfter.add((double) Duration.between(decided, Instant.parse(stopped.path("end_at").asString())).toMillis());
        }
        Stats.print("  " + what + ": provider time billed per call", "s", billed);
        Stats.print("  " + what + ": decision -> provider stopped", "ms", stopAfter);
    }

    private JsonNode awaitStopped(Set<String> before) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            for (JsonNode row : sessions("historic")) {
                if (!before.contains(row.path("id").asString()) && row.path("end_at").isString()) {
                    return row;
                }
            }
            Thread.sleep(25);
        }
        throw new IllegalStateException("the provider session was never stopped");
    }

    private JsonNode sessions(String type) throws IOException, InterruptedException {
        HttpRequest list = HttpRequest.newBuilder(URI.create(
                "http://localhost:" + PORT + "/fake-liveavatar/v1/sessions?type=" + type))
                .header("X-API-KEY", "fake-liveavatar-key").build();
        return JSON.readTree(http.send(list, HttpResponse.BodyHandlers.ofString()).body()).path("data").path("results");
    }

    private static Set<String> ids(JsonNode rows) {
        Set<String> ids = new HashSet<>();
        rows.forEach(row -> ids.add(row.path("id").asString()));
        return ids;
    }

}
