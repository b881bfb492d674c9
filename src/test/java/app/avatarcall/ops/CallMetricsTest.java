package app.avatarcall.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.StageReport;
import app.avatarcall.call.Call;
import app.avatarcall.call.CallService;
import app.avatarcall.call.EndReason;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.AppTest;
import app.avatarcall.testing.FakeAvatarProvider;
import app.avatarcall.testing.TestClock;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class CallMetricsTest {

    @Autowired
    MeterRegistry registry;
    @Autowired
    CallService calls;
    @Autowired
    AvatarDirectory avatars;
    @Autowired
    FakeAvatarProvider provider;
    @Autowired
    TestClock clock;

    @Test
    void after_a_call_its_outcome_duration_reply_time_session_opening_and_prewarm_are_measured() {
        double ended = count("avatar.call.outcomes", "outcome", "ended");
        double declined = count("avatar.call.outcomes", "outcome", "declined");
        double used = count("avatar.prewarm", "result", "used");
        double wasted = count("avatar.prewarm", "result", "wasted");
        long durations = timerCount("avatar.call.duration");
        long turns = timerCount("avatar.call.turn.latency");

        Call call = calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString());
        calls.accept(call);
        calls.report(call, new StageReport.Ready());
        provider.last().finishSpeaking();
        assertThat(registry.get("avatar.call.active").gauge().value()).isGreaterThanOrEqualTo(1);
        calls.setMode(call, ChatMode.REPEAT);
        calls.send(call, "hello");
        clock.advance(Duration.ofMillis(250));
        provider.last().finishSpeaking();
        clock.advance(Duration.ofSeconds(42));
        calls.hangUp(call, EndReason.HUNG_UP);
        calls.decline(calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString()));

        assertThat(count("avatar.call.outcomes", "outcome", "ended")).isEqualTo(ended + 1);
        assertThat(count("avatar.call.outcomes", "outcome", "declined")).isEqualTo(declined + 1);
        assertThat(timerCount("avatar.call.duration")).isEqualTo(durations + 1);
        assertThat(timerCount("avatar.call.turn.latency")).isEqualTo(turns + 1);
        assertThat(registry.get("avatar.call.turn.latency").tag("provider", "fake").timer().max(java.util.concurrent.TimeUnit.MILLISECONDS))
                .isGreaterThanOrEqualTo(250);
        assertThat(registry.get("avatar.provider.open").tags("provider", "fake", "prewarm", "true").timer().count())
                .isPositive();
        assertThat(count("avatar.prewarm", "result", "used")).isEqualTo(used + 1);
        assertThat(count("avatar.prewarm", "result", "wasted")).isEqualTo(wasted + 1);
        assertThat(registry.get("avatar.call.live").gauge()).isNotNull();
    }

    @Test
    void a_provider_that_refuses_is_counted_as_a_provider_error() {
        double before = registry.find("avatar.provider.errors").counters().stream().mapToDouble(c -> c.count()).sum();
        provider.refuse = true;
        try {
            calls.accept(calls.ring(avatars.defaultAvatar(), Locale.ENGLISH, UUID.randomUUID().toString()));
        } finally {
            provider.refuse = false;
        }
        assertThat(registry.get("avatar.provider.errors").tags("provider", "fake", "error", "AvatarUnavailableException")
                .counter().count()).isGreaterThanOrEqualTo(2);
        assertThat(registry.find("avatar.provider.errors").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(before + 2);
    }

    @Test
    void prometheus_shows_the_metrics_under_the_names_the_readme_lists() {
        var prometheus = new io.micrometer.prometheusmetrics.PrometheusMeterRegistry(
                io.micrometer.prometheusmetrics.PrometheusConfig.DEFAULT);
        CallMetrics metrics = new CallMetrics(prometheus, calls);
        UUID id = UUID.randomUUID();
        metrics.on(new app.avatarcall.call.CallEnded(id, "max", "tg:1", "fake", app.avatarcall.call.CallState.ENDED,
                EndReason.HUNG_UP, Duration.ofSeconds(61)));
        metrics.on(new app.avatarcall.call.AvatarReplied(id, "fake", Duration.ofMillis(800)));
        metrics.on(new app.avatarcall.call.AvatarSessionOpened(id, "fake", Duration.ofMillis(300), true));
        metrics.on(new app.avatarcall.call.AvatarSessionFailed(id, "fake", "AvatarUnavailableException"));
        metrics.on(new app.avatarcall.call.PrewarmSettled(id, "fake", false));

        assertThat(prometheus.scrape()).contains("avatar_call_active_calls ", "avatar_call_live_calls ",
                "avatar_call_outcomes_total{outcome=\"ended\",reason=\"hung_up\"} 1.0",
                "avatar_call_duration_seconds_count{provider=\"fake\"} 1",
                "avatar_call_turn_latency_seconds_count{provider=\"fake\"} 1",
                "avatar_provider_open_seconds_count{prewarm=\"true\",provider=\"fake\"} 1",
                "avatar_provider_errors_total{error=\"AvatarUnavailableException\",provider=\"fake\"} 1.0",
                "avatar_prewarm_total{provider=\"fake\",result=\"wasted\"} 1.0");
    }

    private double count(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private long timerCount(String name) {
        return registry.find(name).timers().stream().mapToLong(t -> t.count()).sum();
    }
}
