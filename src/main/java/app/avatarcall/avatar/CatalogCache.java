package app.avatarcall.avatar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * A vendor's catalogue, fetched when first asked for and kept for ten minutes: it changes rarely and costs several
 * calls. Thread-safe.
 */
public final class CatalogCache {

    private static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final Clock clock;
    private final Supplier<AvatarCatalog> fetch;
    private @Nullable AvatarCatalog catalog;
    private Instant fetchedUntil = Instant.MIN;

    public CatalogCache(Clock clock, Supplier<AvatarCatalog> fetch) {
        this.clock = clock;
        this.fetch = fetch;
    }

    /** The catalogue; throws what fetching it throws when it is not kept. */
    public synchronized AvatarCatalog get() {
        if (catalog == null || clock.instant().isAfter(fetchedUntil)) {
            catalog = fetch.get();
            fetchedUntil = clock.instant().plus(KEPT_FOR);
        }
        return catalog;
    }

    /** The preview image of a face, if the catalogue has one; a catalogue that cannot be had only costs the picture. */
    public Optional<String> previewOf(String faceId) {
        try {
            return get().faces().stream().filter(face -> face.id().equals(faceId))
                    .map(AvatarCatalog.Face::previewUrl).filter(Objects::nonNull).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty(); // the ringing screen does without a picture rather than without a call
        }
    }
}
