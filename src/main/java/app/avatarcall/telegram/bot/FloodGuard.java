package app.avatarcall.telegram.bot;

import app.avatarcall.telegram.OnBot;
import app.avatarcall.telegram.TelegramProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Per-person flood limit (Bucket4j, by the app's clock): {@code telegram.flood-messages} per {@code telegram.flood-per}.
 * Past it, the person is told once to slow down and the rest is dropped until the bucket refills. Buckets live in
 * this instance; a full bucket is forgotten, so memory follows only people writing right now.
 */
@Component
@OnBot
class FloodGuard {

    enum Verdict { ALLOW, WARN, DROP }

    private record Allowance(Bucket bucket, AtomicBoolean warned) {
    }

    private final Map<Long, Allowance> allowances = new ConcurrentHashMap<>();
    private final TelegramProperties properties;
    private final TimeMeter time;

    FloodGuard(TelegramProperties properties, Clock clock) {
        this.properties = properties;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                java.time.Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    Verdict check(long personId) {
        Allowance allowance = allowances.computeIfAbsent(personId, id -> new Allowance(Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(properties.floodMessages())
                        .refillGreedy(properties.floodMessages(), properties.floodPer()).build())
                .withCustomTimePrecision(time)
                .build(), new AtomicBoolean()));
        if (allowance.bucket().tryConsume(1)) {
            allowance.warned().set(false);
            return Verdict.ALLOW;
        }
        return allowance.warned().compareAndSet(false, true) ? Verdict.WARN : Verdict.DROP;
    }

    @Scheduled(fixedDelayString = "${telegram.flood-per:1m}")
    void forgetQuietPeople() {
        allowances.values().removeIf(a -> a.bucket().getAvailableTokens() >= properties.floodMessages());
    }
}
