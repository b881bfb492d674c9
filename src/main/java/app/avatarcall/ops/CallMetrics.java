package app.avatarcall.ops;

import app.avatarcall.call.AvatarReplied;
import app.avatarcall.call.AvatarSessionFailed;
import app.avatarcall.call.AvatarSessionOpened;
import app.avatarcall.call.CallEnded;
import app.avatarcall.call.CallService;
import app.avatarcall.call.CallState;
import app.avatarcall.call.PrewarmSettled;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The product's figures as metrics. Names are Micrometer's (dots); Prometheus shows them with underscores and its
 * unit suffixes ({@code avatar.call.active} with base unit "calls" is {@code avatar_call_active_calls}).
 */
@Component
class CallMetrics {

    static final String ACTIVE = "avatar.call.active";
    static final String LIVE = "avatar.call.live";
    static final String OUTCOMES = "avatar.call.outcomes";
    static final String DURATION = "avatar.call.duration";
    static final String TURN_LATENCY = "avatar.call.turn.latency";
    static final String PROVIDER_OPEN = "avatar.provider.open";
    static final String PROVIDER_ERRORS = "avatar.provider.errors";
    static final String PREWARM = "avatar.prewarm";

    private final MeterRegistry registry;

    CallMetrics(MeterRegistry registry, CallService calls) {
        this.registry = registry;
        Gauge.builder(ACTIVE, calls, it -> it.live().stream().filter(call -> call.state() == CallState.ACTIVE).count())
                .description("Calls in which a person talks with an avatar now").baseUnit("calls").register(registry);
        Gauge.builder(LIVE, calls, CallService::liveCalls)
                .description("Calls not over yet: ringing, connecting or active").baseUnit("calls").register(registry);
    }

    @EventListener
    void on(CallEnded ended) {
        String outcome = ended.outcome().name().toLowerCase(Locale.ROOT);
        registry.counter(OUTCOMES, "outcome", outcome, "reason", ended.reason().name().toLowerCase(Locale.ROOT))
                .increment();
        if (ended.outcome() == CallState.ENDED && !ended.talkTime().isZero()) {
            Timer.builder(DURATION).description("How long people were in calls").publishPercentileHistogram()
                    .tag("provider", ended.provider()).register(registry).record(ended.talkTime());
        }
    }

    @EventListener
    void on(AvatarReplied replied) {
        Timer.builder(TURN_LATENCY).description("From a person's message to the avatar's first word")
                .publishPercentileHistogram().tag("provider", replied.provider()).register(registry)
                .record(replied.waited());
    }

    @EventListener
    void on(AvatarSessionOpened opened) {
        Timer.builder(PROVIDER_OPEN).description("How long the provider took to open an avatar session")
                .publishPercentileHistogram().tags("provider", opened.provider(), "prewarm", String.valueOf(opened.prewarm()))
                .register(registry).record(opened.took());
    }

    @EventListener
    void on(AvatarSessionFailed failed) {
        registry.counter(PROVIDER_ERRORS, "provider", failed.provider(), "error", failed.error()).increment();
    }

    @EventListener
    void on(PrewarmSettled settled) {
        registry.counter(PREWARM, "provider", settled.provider(), "result", settled.used() ? "used" : "wasted")
                .increment();
    }
}
