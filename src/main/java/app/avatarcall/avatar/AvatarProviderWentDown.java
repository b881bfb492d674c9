package app.avatarcall.avatar;

import java.time.Duration;

/**
 * The provider's circuit breaker opened: most recent attempts failed, so calls stop waiting on it for a while.
 *
 * @param provider       the provider's id
 * @param failureRate    the share of recent attempts that failed, in percent
 * @param openFor        how long calls keep off it before one trial call
 * @param fallsBackToDemo whether calls get the demo avatar meanwhile (else they fail)
 */
public record AvatarProviderWentDown(String provider, float failureRate, Duration openFor, boolean fallsBackToDemo) {
}
