package app.avatarcall.avatar;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The provider calls use, chosen by configuration (a name nobody implements stops the app at start-up), behind a
 * circuit breaker: when most recent attempts failed, calls stop waiting on a provider that is down and fail (or get
 * the demo avatar, when the operator wants that) at once, until a trial call shows it is back. The breaker opening and
 * closing again are published as {@link AvatarProviderWentDown} and {@link AvatarProviderRecovered}.
 */
@Component
public class AvatarProviders {

    private static final Logger log = LoggerFactory.getLogger(AvatarProviders.class);

    private final AvatarProvider current;
    private final @Nullable AvatarProvider fallback;
    private final CircuitBreaker breaker;

    AvatarProviders(List<AvatarProvider> providers, AvatarProperties properties, ApplicationEventPublisher events) {
        this.current = find(providers, properties.provider());
        this.fallback = properties.fallbackToDemo() && !"demo".equals(current.id()) ? find(providers, "demo") : null;
        this.breaker = CircuitBreaker.of(current.id(), CircuitBreakerConfig.custom()
                .slidingWindowSize(Math.max(10, properties.breakerMinimumCalls()))
                .minimumNumberOfCalls(properties.breakerMinimumCalls())
                .failureRateThreshold(50)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .recordExceptions(AvatarUnavailableException.class)
                .ignoreExceptions(AvatarBusyException.class) // busy is the provider working as it should
                .build());
        breaker.getEventPublisher().onStateTransition(event -> {
            switch (event.getStateTransition()) {
                case CLOSED_TO_OPEN -> events.publishEvent(new AvatarProviderWentDown(current.id(),
                        breaker.getMetrics().getFailureRate(), properties.breakerOpenFor(), fallback != null));
                case HALF_OPEN_TO_CLOSED -> events.publishEvent(new AvatarProviderRecovered(current.id()));
                default -> { } // a failed trial call while down is the same outage
            }
        });
    }

    private static AvatarProvider find(List<AvatarProvider> providers, String id) {
        return providers.stream()
                .filter(provider -> provider.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("avatar.provider=" + id + " is not one of "
                        + providers.stream().map(AvatarProvider::id).collect(Collectors.joining(", "))));
    }

    public AvatarProvider current() {
        return current;
    }

    /** What the breaker knows of the provider's recent attempts, for health checks: the provider is not asked. */
    public AvatarProviderHealth health() {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        CircuitBreaker.State state = breaker.getState();
        return new AvatarProviderHealth(current.id(), state.name(),
                state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN,
                metrics.getFailureRate(), metrics.getNumberOfFailedCalls(), metrics.getNumberOfBufferedCalls(),
                fallback != null);
    }

    /** Opens a session with the configured provider, or with the demo avatar if it is down and that is wanted. */
    public AvatarSession open(AvatarSpec spec) {
        try {
            return breaker.executeSupplier(() -> current.open(spec));
        } catch (CallNotPermittedException open) {
            return fallBack(spec, new AvatarUnavailableException(current.id() + " keeps failing; not tried for a while"));
        } catch (AvatarBusyException busy) {
            throw busy;
        } catch (AvatarUnavailableException e) {
            return fallBack(spec, e);
        }
    }

    private AvatarSession fallBack(AvatarSpec spec, AvatarUnavailableException failure) {
        if (fallback == null) {
            throw failure;
        }
        log.warn("{} is unavailable ({}); this call gets the demo avatar", current.id(), failure.getMessage());
        return fallback.open(spec);
    }
}
