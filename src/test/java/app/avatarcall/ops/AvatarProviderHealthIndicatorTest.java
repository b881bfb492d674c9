package app.avatarcall.ops;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarProviderHealth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class AvatarProviderHealthIndicatorTest {

    @Test
    void a_provider_whose_breaker_is_closed_is_up() {
        Health health = AvatarProviderHealthIndicator.of(new AvatarProviderHealth("liveavatar", "CLOSED", false, 10f, 1, 10, false));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("provider", "liveavatar").containsEntry("breaker", "CLOSED")
                .containsEntry("failureRatePercent", 10f).doesNotContainKey("meanwhile");
    }

    @Test
    void a_provider_on_trial_after_an_outage_is_up_so_that_the_trial_call_may_go_through() {
        Health health = AvatarProviderHealthIndicator.of(new AvatarProviderHealth("heygen", "HALF_OPEN", false, -1f, 0, 0, false));
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("breaker", "HALF_OPEN").doesNotContainKey("failureRatePercent");
    }

    @Test
    void a_provider_whose_breaker_opened_is_down_and_says_what_calls_get_meanwhile() {
        Health down = AvatarProviderHealthIndicator.of(new AvatarProviderHealth("liveavatar", "OPEN", true, 80f, 8, 10, true));
        assertThat(down.getStatus()).isEqualTo(Status.DOWN);
        assertThat(down.getDetails()).containsEntry("recentFailures", 8).containsEntry("recentAttempts", 10)
                .containsEntry("meanwhile", "calls get the demo avatar");
        Health failing = AvatarProviderHealthIndicator.of(new AvatarProviderHealth("heygen", "OPEN", true, 100f, 5, 5, false));
        assertThat(failing.getDetails()).containsEntry("meanwhile", "calls fail");
    }
}
