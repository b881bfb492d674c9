package app.avatarcall.avatar;

/**
 * The configured provider as its circuit breaker sees it, from the outcomes of recent session openings.
 *
 * @param provider        the provider's id
 * @param breaker         the breaker's state ({@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}, …)
 * @param down            whether calls keep off the provider now (the breaker is open)
 * @param failureRate     the share of recent attempts that failed, in percent; negative until enough were made
 * @param failedCalls     recent attempts that failed
 * @param recentCalls     recent attempts counted
 * @param fallsBackToDemo whether calls get the demo avatar while it is down
 */
public record AvatarProviderHealth(String provider, String breaker, boolean down, float failureRate, int failedCalls,
                                   int recentCalls, boolean fallsBackToDemo) {
}
