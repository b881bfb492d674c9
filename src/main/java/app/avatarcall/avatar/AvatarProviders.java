package app.avatarcall.avatar;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The provider calls use, chosen by configuration (a name nobody implements stops the app at start-up), and the
 * demo avatar standing in for it during an outage when the operator wants that.
 */
@Component
public class AvatarProviders {

    private static final Logger log = LoggerFactory.getLogger(AvatarProviders.class);

    private final AvatarProvider current;
    private final @Nullable AvatarProvider fallback;

    AvatarProviders(List<AvatarProvider> providers, AvatarProperties properties) {
        this.current = find(providers, properties.provider());
        this.fallback = properties.fallbackToDemo() && !"demo".equals(current.id()) ? find(providers, "demo") : null;
    }

    private static AvatarProvider find(List<AvatarProvider> providers, String id) {
        return providers.stream()
                .filter(provider -> provider.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("avatar.provider=" + id + " is not one of "
                        + providers.stream().map(AvatarProvider::id).collect(Collectors.joining(", "))));
    }

    public AvatarProvider current() {
        return current;
    }

    /** Opens a session with the configured provider, or with the demo avatar if it is down and that is wanted. */
    public AvatarSession open(AvatarSpec spec) {
        try {
            return current.open(spec);
        } catch (AvatarBusyException busy) {
            throw busy;
        } catch (AvatarUnavailableException e) {
            if (fallback == null) {
                throw e;
            }
            log.warn("{} is unavailable ({}); this call gets the demo avatar", current.id(), e.getMessage());
            return fallback.open(spec);
        }
    }
}
