package app.avatarcall.avatar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AvatarProvidersTest {

    private static final AvatarSpec SPEC = new AvatarSpec("ava", "female", Locale.ENGLISH);

    /** A provider that fails the way it is told to, or names the session after itself. */
    private record Provider(String id, RuntimeException failure, AtomicInteger asked) implements AvatarProvider {
        Provider(String id, RuntimeException failure) {
            this(id, failure, new AtomicInteger());
        }

        @Override
        public AvatarSession open(AvatarSpec spec) {
            asked.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            throw new IllegalStateException("opened " + id); // proves which provider was asked, without a session
        }
    }

    private static AvatarProviders providers(RuntimeException remoteFailure, boolean fallback) {
        return new AvatarProviders(List.of(new Provider("liveavatar", remoteFailure), new Provider("demo", null)),
                new AvatarProperties("liveavatar", fallback, 5, Duration.ofSeconds(30)), event -> { });
    }

    @Test
    void an_outage_falls_back_to_the_demo_avatar_when_the_operator_wants_it() {
        assertThatThrownBy(() -> providers(new AvatarUnavailableException("502"), true).open(SPEC))
                .hasMessage("opened demo");
    }

    @Test
    void without_the_fallback_an_outage_fails_the_call() {
        assertThatThrownBy(() -> providers(new AvatarUnavailableException("502"), false).open(SPEC))
                .isInstanceOf(AvatarUnavailableException.class).hasMessage("502");
    }

    @Test
    void busy_lines_are_waited_for_not_replaced() {
        assertThatThrownBy(() -> providers(new AvatarBusyException("Concurrent limit reached"), true).open(SPEC))
                .isInstanceOf(AvatarBusyException.class);
    }

    @Test
    void a_provider_that_keeps_failing_is_not_waited_on_for_a_while() {
        Provider down = new Provider("liveavatar", new AvatarUnavailableException("timeout after 60 s"));
        List<Object> events = new ArrayList<>();
        AvatarProviders providers = new AvatarProviders(List.of(down, new Provider("demo", null)),
                new AvatarProperties("liveavatar", false, 5, Duration.ofSeconds(30)), events::add);
        for (int call = 0; call < 5; call++) {
            assertThatThrownBy(() -> providers.open(SPEC)).hasMessage("timeout after 60 s");
        }

        assertThatThrownBy(() -> providers.open(SPEC)).isInstanceOf(AvatarUnavailableException.class)
                .hasMessageContaining("keeps failing");
        assertThat(down.asked()).hasValue(5);
        assertThat(events).containsExactly(new AvatarProviderWentDown("liveavatar", 100f, Duration.ofSeconds(30), false));
    }

    @Test
    void a_provider_back_after_an_outage_is_announced_once() throws InterruptedException {
        AtomicInteger failuresLeft = new AtomicInteger(5);
        AvatarProvider flaky = new AvatarProvider() {
            @Override
            public String id() {
                return "liveavatar";
            }

            @Override
            public AvatarSession open(AvatarSpec spec) {
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new AvatarUnavailableException("502");
                }
                throw new IllegalStateException("opened"); // a session would be here
            }
        };
        List<Object> events = new ArrayList<>();
        AvatarProviders providers = new AvatarProviders(List.of(flaky, new Provider("demo", null)),
                new AvatarProperties("liveavatar", false, 5, Duration.ofMillis(1)), events::add);
        for (int call = 0; call < 5; call++) {
            assertThatThrownBy(() -> providers.open(SPEC)).hasMessage("502");
        }
        Thread.sleep(20); // the breaker's open time passes

        assertThatThrownBy(() -> providers.open(SPEC)).hasMessage("opened");
        assertThat(events).hasSize(2).last().isEqualTo(new AvatarProviderRecovered("liveavatar"));
    }

    @Test
    void an_unknown_provider_stops_the_app_at_start_up() {
        assertThatThrownBy(() -> new AvatarProviders(List.of(new Provider("demo", null)),
                new AvatarProperties("heygen", false, 5, Duration.ofSeconds(30)), event -> { })).hasMessageContaining("avatar.provider=heygen is not one of demo");
        assertThat(providers(null, false).current().id()).isEqualTo("liveavatar");
    }
}
