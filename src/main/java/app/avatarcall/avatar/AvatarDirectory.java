package app.avatarcall.avatar;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The avatars people can call, as operators set them up in the admin console (kept in the database), one of them the
 * default. Read on every ring, so the listing is kept in memory and dropped on every change made through here: a
 * change applies to the next call at once. Another instance of a cluster, behind the same database, reads it again
 * within {@link #SHARED_FRESHNESS}.
 */
@Component
public class AvatarDirectory {

    /** The avatars in their order, and which is the default. */
    record Listing(List<AvatarProfile> avatars, String defaultId) {
        Listing {
            avatars = List.copyOf(avatars);
        }

        static Listing builtIn() {
            return new Listing(BuiltInAvatars.ALL, BuiltInAvatars.ALL.getFirst().id());
        }
    }

    private final @Nullable AvatarRows rows;
    private final ApplicationEventPublisher events;
    private volatile @Nullable Listing listing;
    private volatile long loadedAt;
    /** How old a listing read from the database may be: what another instance changed shows within this. */
    static final Duration SHARED_FRESHNESS = Duration.ofSeconds(5);

    /** The built-in demo avatars only, in memory: for tests of other features, which need no database. */
    public AvatarDirectory() {
        this.rows = null;
        this.events = event -> { };
        this.listing = Listing.builtIn();
    }

    @Autowired
    AvatarDirectory(AvatarRows rows, ApplicationEventPublisher events) {
        this.rows = rows;
        this.events = events;
    }

    public AvatarProfile defaultAvatar() {
        Listing current = listing();
        return current.avatars().stream().filter(avatar -> avatar.id().equals(current.defaultId())).findFirst()
                .orElseGet(() -> current.avatars().getFirst());
    }

    /** Looks an avatar up by an id that came from outside (a URL, a deep link): unknown ids find nothing. */
    public Optional<AvatarProfile> find(String id) {
        return listing().avatars().stream().filter(avatar -> avatar.id().equals(id)).findFirst();
    }

    public List<AvatarProfile> all() {
        return listing().avatars();
    }

    public boolean isDefault(String id) {
        return defaultAvatar().id().equals(id);
    }

    /** Adds the avatar, or replaces the one with its id. The first avatar there is becomes the default. */
    public synchronized void save(AvatarProfile avatar) {
        if (!AvatarProfile.ID.matcher(avatar.id()).matches()) {
            throw new IllegalArgumentException("not an avatar id: " + avatar.id());
        }
        if (rows != null) {
            rows.save(avatar);
        } else {
            List<AvatarProfile> avatars = new ArrayList<>(listing().avatars());
            int at = avatars.indexOf(find(avatar.id()).orElse(null));
            if (at >= 0) {
                avatars.set(at, avatar);
            } else {
                avatars.add(avatar);
            }
            listing = new Listing(List.copyOf(avatars), listing().defaultId());
        }
        changed();
    }

    /** Removes the avatar (and its knowledge); the default one is kept (false), so that {@code /} always rings. */
    public synchronized boolean delete(String id) {
        if (isDefault(id) || find(id).isEmpty()) {
            return false;
        }
        if (rows != null) {
            rows.delete(id);
        } else {
            listing = new Listing(listing().avatars().stream().filter(avatar -> !avatar.id().equals(id)).toList(),
                    listing().defaultId());
        }
        changed();
        events.publishEvent(new AvatarDeleted(id));
        return true;
    }

    /** Makes a known avatar the one {@code /} and unknown deep links ring; false for an unknown id. */
    public synchronized boolean setDefault(String id) {
        if (find(id).isEmpty()) {
            return false;
        }
        if (rows != null) {
            rows.makeDefault(id);
        } else {
            listing = new Listing(listing().avatars(), id);
        }
        changed();
        return true;
    }

    private void changed() {
        if (rows != null) {
            listing = null; // read again on next use
        }
    }

    private Listing listing() {
        Listing current = listing;
        if (current != null && (rows == null || System.nanoTime() - loadedAt < SHARED_FRESHNESS.toNanos())) {
            return current;
        }
        synchronized (this) { // not while a change is being written, or the old listing could be kept
            if (listing == null || System.nanoTime() - loadedAt >= SHARED_FRESHNESS.toNanos()) {
                Listing loaded = Objects.requireNonNull(rows).load();
                loadedAt = System.nanoTime();
                // Only a database broken by hand has no usable avatar (the default cannot be deleted): calls go on.
                listing = loaded.avatars().isEmpty() ? Listing.builtIn() : loaded;
            }
            return Objects.requireNonNull(listing);
        }
    }
}
