package app.avatarcall.avatar.liveavatar;

import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import app.avatarcall.avatar.Orphans;
import app.avatarcall.avatar.CatalogCache;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.SessionToken;
import app.avatarcall.avatar.liveavatar.LiveAvatarApi.StartedSession;
import app.avatarcall.avatar.livekit.LiveKitRooms;
import app.avatarcall.avatar.speech.SpeechSynthesizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HeyGen LiveAvatar behind the avatar SPI ({@code AVATAR_PROVIDER=liveavatar}): a session token and a start, both
 * with the key on the server; the browser gets only the LiveKit address and its client token. In FULL mode (the
 * default) LiveAvatar speaks and listens itself; in LITE mode ({@code LIVEAVATAR_MODE=LITE}) it renders the face from
 * our speech ({@link LiveAvatarLite}).
 */
@Component
class LiveAvatarProvider implements AvatarProvider, DisposableBean {

    private final LiveAvatarProperties properties;
    private final LiveAvatarApi api;
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    private final Clock clock;
    private final CatalogCache catalog;

    private final @Nullable LiveAvatarLite lite;

    /** A FULL-mode provider. */
    LiveAvatarProvider(LiveAvatarProperties properties, Clock clock) {
        this(properties, clock, Optional.empty(), null);
    }

    /**
     * @param rooms  the operator's own LiveKit server, if {@code LIVEKIT_URL} is set (LITE mode streams into it)
     * @param speech the voice of LITE-mode avatars
     */
    @Autowired
    LiveAvatarProvider(LiveAvatarProperties properties, Clock clock, Optional<LiveKitRooms> rooms,
                       @Nullable SpeechSynthesizer speech) {
        this.properties = properties;
        this.api = new LiveAvatarApi(properties);
        this.clock = clock;
        this.catalog = new CatalogCache(clock, api::catalog);
        this.lite = properties.mode() == LiveAvatarProperties.Mode.LITE && speech != null
                ? new LiveAvatarLite(api, properties, rooms.orElse(null), speech, background) : null;
    }

    @Override
    public String id() {
        return "liveavatar";
    }

    @Override
    public AvatarSession open(AvatarSpec spec) {
        if (properties.mode() == LiveAvatarProperties.Mode.LITE) {
            if (lite == null) {
                throw new IllegalStateException("LIVEAVATAR_MODE=LITE needs a speech synthesizer");
            }
            return lite.open(faceFor(spec), spec);
        }
        // The avatar's own voice and context where its profile has LiveAvatar ones, else the configured ones.
        @Nullable String voice = isUuid(spec.voice()) ? spec.voice() : properties.voiceId();
        @Nullable String context = spec.context().isBlank() ? properties.contextId() : spec.context();
        SessionToken token = api.createToken(faceFor(spec), spec.language(), voice, context, properties.sandbox());
        StartedSession started;
        try {
            started = api.start(token);
        } catch (RuntimeException e) {
            // The token made a session on LiveAvatar's side: it must not linger even though it never started.
            background.execute(() -> api.stop(token.sessionId(), "USER_CLOSED"));
            throw e;
        }
        return new LiveAvatarSession(api, token, started, context != null, background);
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
        return Orphans.stop(api.activeSessionsSince(), owned, clock.instant().minus(grace), id -> api.stop(id, "ZOMBIE_SESSION_REAP"));
    }

    /** Until operators pick LiveAvatar faces in the admin console, profiles with a demo look get the configured one. */
    private String faceFor(AvatarSpec spec) {
        return isUuid(spec.look()) ? spec.look() : properties.avatarId();
    }

    private static boolean isUuid(String text) {
        try {
            java.util.UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public void destroy() {
        background.close();
    }
}
