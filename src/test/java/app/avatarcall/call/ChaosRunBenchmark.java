package app.avatarcall.call;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProviders;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.testing.FreePort;
import app.avatarcall.testing.Stats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chaos run: many people at once answer, decline, miss, close the tab and hang up, while the (fake) LiveAvatar
 * answers 15 % of requests with 503, loses the answer to 10 % of starts after starting the session, and has only
 * four lines. Prints what became of the calls and how many provider sessions were left running: after the calls
 * ended, and after one reconciliation pass. Every session must be stopped by then.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "avatar.provider=liveavatar", "liveavatar.api-key=fake-liveavatar-key", "liveavatar.sandbox=true",
        "fake-liveavatar.token-latency=100ms", "fake-liveavatar.start-latency=400ms", "fake-liveavatar.concurrent-limit=4",
        "fake-liveavatar.failure-rate=0.15", "fake-liveavatar.lost-start-rate=0.1",
        "avatar.fallback-to-demo=true", "call.ring-timeout=2s", "call.busy-retry-every=500ms", "call.busy-tries=4",
        "avatar.reconcile-every=1h", "vaadin.productionMode=true", "logging.level.app.avatarcall=ERROR",
        "spring.datasource.url=jdbc:h2:mem:chaos-bench;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"})
@ActiveProfiles("fake-liveavatar")
class ChaosRunBenchmark {

    private static final int PEOPLE = 12;
    private static final int CALLS_EACH = 5;
    private static final int PORT = FreePort.find();

    @DynamicPropertySource
    static void fake(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("liveavatar.base-url", () -> "http://localhost:" + PORT + "/fake-liveavatar");
    }

    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    AvatarProviders providers;

    private final Map<EndReason, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger wentLive = new AtomicInteger();

    @Test
    void chaos_run_leaves_no_provider_session_running() throws Exception {
        try (ExecutorService people = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int person = 0; person < PEOPLE; person++) {
                String who = "chaos-" + person;
                people.execute(() -> {
                    for (int i = 0; i < CALLS_EACH; i++) {
                        oneCall(who);
                    }
                });
            }
            people.shutdown();
            people.awaitTermination(5, TimeUnit.MINUTES);
        }
        Thread.sleep(3000); // stops are sent in the background
        int leftAfterCalls = activeOnProvider();
        int reaped = providers.current().reconcile(Set.of(), Duration.ZERO);
        int leftAfterReconcile = activeOnProvider();

        Map<EndReason, Integer> sorted = new EnumMap<>(EndReason.class);
        outcomes.forEach((reason, count) -> sorted.put(reason, count.get()));
        Stats.line("");
        Stats.line("Chaos run: " + PEOPLE * CALLS_EACH + " calls by " + PEOPLE + " people at once; LiveAvatar fake with "
                + "4 lines, 15 % of requests 503, 10 % of starts answered 504 after starting");
        Stats.line("  outcomes: " + sorted + "; went live: " + wentLive.get() + "; LiveAvatar sessions started: "
                + startedOnProvider() + " (while its breaker was open, calls fell back to the demo avatar)");
        Stats.line("  provider sessions still running after every call ended: " + leftAfterCalls
                + "; stopped by one reconciliation pass: " + reaped + "; left after it: " + leftAfterReconcile);
        if (leftAfterReconcile != 0) {
            throw new AssertionError(leftAfterReconcile + " provider sessions leaked past reconciliation");
        }
    }

    private void oneCall(String who) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, who);
        double choice = random.nextDouble();
        pause(random.nextInt(100, 1200));
        if (choice < 0.15) {
            calls.decline(call);
        } else if (choice < 0.25) {
            awaitOver(call, 5000); // rings out: missed
        } else if (choice < 0.35) {
            calls.hangUp(call, EndReason.TAB_CLOSED);
        } else {
            calls.accept(call);
            for (int waited = 0; waited < 5000 && call.state() == CallState.CONNECTING; waited += 50) {
                if (call.session().isPresent()) {
                    calls.report(call, new StageReport.Ready()); // what the page's stage says once it shows the avatar
                }
                pause(50);
            }
            if (call.state() == CallState.ACTIVE) {
                wentLive.incrementAndGet();
                calls.send(call, "How does this work?");
                pause(random.nextInt(100, 800));
            }
            calls.hangUp(call, random.nextBoolean() ? EndReason.HUNG_UP : EndReason.TAB_CLOSED);
        }
        awaitOver(call, 5000);
        call.endReason().ifPresent(reason -> outcomes.computeIfAbsent(reason, r -> new AtomicInteger()).incrementAndGet());
    }

    private static void awaitOver(Call call, int millis) {
        for (int waited = 0; waited < millis && !call.state().isOver(); waited += 20) {
            pause(20);
        }
    }

    private int activeOnProvider() throws IOException, InterruptedException {
        return sessions("active").path("count").asInt();
    }

    private int startedOnProvider() throws IOException, InterruptedException {
        int started = 0;
        for (JsonNode row : sessions("historic").path("results")) {
            if (row.path("end_at").isString()) {
                started++;
            }
        }
        return started + activeOnProvider();
    }

    private JsonNode sessions(String type) throws IOException, InterruptedException {
        HttpRequest list = HttpRequest.newBuilder(URI.create(
                "http://localhost:" + PORT + "/fake-liveavatar/v1/sessions?type=" + type))
                .header("X-API-KEY", "fake-liveavatar-key").build();
        String body = HttpClient.newHttpClient().send(list, HttpResponse.BodyHandlers.ofString()).body();
        return JsonMapper.builder().build().readTree(body).path("data");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
