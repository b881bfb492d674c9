package app.avatarcall.avatar.demo;

import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarProvider;
import app.avatarcall.avatar.AvatarSession;
import app.avatarcall.avatar.AvatarSpec;
import java.time.Duration;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

@Component
class DemoAvatarProvider implements AvatarProvider {

    /** Zero: the demo opens at once. Set, it stands in for a real vendor's start-up (pre-warm trials, benchmarks). */
    private final Duration openLatency;

    DemoAvatarProvider(@Value("${avatar.demo.open-latency:0ms}") Duration openLatency) {
        this.openLatency = openLatency;
    }

    @Override
    public String id() {
        return "demo";
    }

    /** The looks the browser's demo face draws ({@code LOOKS} in avatar-stage.ts), and its voice hints. */
    @Override
    public AvatarCatalog catalog() {
        return new AvatarCatalog(
                List.of(new AvatarCatalog.Face("ava", "Ava", null), new AvatarCatalog.Face("max", "Max", null)),
                List.of(new AvatarCatalog.Voice("female", "Browser speech", "", "female"),
                        new AvatarCatalog.Voice("male", "Browser speech", "", "male")),
                List.of());
    }

    @Override
    public AvatarSession open(AvatarSpec spec) {
        if (!openLatency.isZero()) {
            try {
                Thread.sleep(openLatency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return new DemoAvatarSession(spec);
    }
}
