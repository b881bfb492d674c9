package app.avatarcall.avatar.heygen;

import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.Orphans;
import app.avatarcall.avatar.CatalogCache;
import app.avatarcall.avatar.heygen.HeyGenStreamingApi.NewSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * HeyGen Interactive Avatar behind the avatar SPI ({@code AVATAR_PROVIDER=heygen}; legacy, LiveAvatar replaces it):
 * a session token minted with the key, then a new session and its start, all on the server; the browser gets only
 * the LiveKit address and its client token.
 */
@Component
class HeyGenProvider implements AvatarProvider, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(HeyGenProvider.class);
    /** HeyGen's avatar ids: public ones such as {@code Ann_Therapist_public}, or 32 hex digits for one's own. */
    private static final Pattern AVATAR_ID = Pattern.compile("[A-Za-z0-9]+(_[A-Za-z0-9]+)+|[0-9a-f]{32}");

    private final HeyGenProperties properties;
    private final HeyGenStreamingApi api;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private final CatalogCache catalog;

    HeyGenProvider(HeyGenProperties properties, Clock clock) {
        this.properties = properties;
        this.api = new HeyGenStreamingApi(properties);
        this.clock = clock;
        this.catalog = new CatalogCache(clock, api::catalog);
    }

    @Override
    public String id() {
        return "heygen";
    }

    @Override
    public AvatarSession open(AvatarSpec spec) {
        String token = api.createToken();
        NewSession created = api.newSession(token, faceFor(spec), spec);
        try {
            api.start(token, created.sessionId());
        } catch (RuntimeException e) {
            // The session exists (and counts against the concurrency limit) even though it never started.
            background.execute(() -> stopQuietly(created.sessionId()));
            throw e;
        }
        return new HeyGenSession(api, token, created,
                properties.answersItself() || !spec.context().isBlank(), background);
    }

    @Override
    public AvatarCatalog catalog() {
        return catalog.get();
    }

    @Override
    public Optional<String> previewImage(AvatarSpec spec) {
        return catalog.previewOf(faceFor(spec));
    }

    @Override
    public int reconcile(Set<String> owned, Duration grace) {
        return Orphans.stop(api.activeSessions(), owned, clock.instant().minus(grace), api::stop);
    }

    /** Until operators pick HeyGen faces in the admin console, profiles with a demo look get the configured one. */
    private String faceFor(AvatarSpec spec) {
        return AVATAR_ID.matcher(spec.look()).matches() ? spec.look() : properties.avatarId();
    }

    private void stopQuietly(String sessionId) {
        try {
            api.stop(sessionId);
        } catch (RuntimeException e) {
            log.warn("HeyGen session {} that never started could not be stopped; reconciliation will", sessionId, e);
        }
    }

    @Override
    public void destroy() {
        background.close();
    }
}
