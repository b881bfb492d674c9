package app.avatarcall.avatar;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The provider calls use, chosen by configuration; a name nobody implements stops the app at start-up. */
@Component
public class AvatarProviders {

    private final AvatarProvider current;

    AvatarProviders(List<AvatarProvider> providers, AvatarProperties properties) {
        this.current = providers.stream()
                .filter(provider -> provider.id().equals(properties.provider()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("avatar.provider=" + properties.provider()
                        + " is not one of " + providers.stream().map(AvatarProvider::id).collect(Collectors.joining(", "))));
    }

    public AvatarProvider current() {
        return current;
    }
}
