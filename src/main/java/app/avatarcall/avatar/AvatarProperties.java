package app.avatarcall.avatar;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param provider       which {@link AvatarProvider} calls use ({@code AVATAR_PROVIDER}: demo, liveavatar, heygen)
 * @param fallbackToDemo when that provider cannot be reached or refuses, calls get the demo avatar instead of failing
 *                       ({@code AVATAR_FALLBACK_TO_DEMO}); a busy provider is waited for, not replaced
 * @param breakerMinimumCalls how many recent attempts the circuit breaker judges by (half of them failing opens it)
 * @param breakerOpenFor      how long an open breaker keeps calls off the provider before one trial call
 */
@Validated
@ConfigurationProperties("avatar")
record AvatarProperties(@NotBlank @DefaultValue("demo") String provider,
                        @DefaultValue("false") boolean fallbackToDemo,
                        @DefaultValue("5") int breakerMinimumCalls,
                        @DefaultValue("30s") java.time.Duration breakerOpenFor) {
}
