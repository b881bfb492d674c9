package app.avatarcall.avatar;

/** A trial call after an outage went through: the provider's circuit breaker closed again. */
public record AvatarProviderRecovered(String provider) {
}
