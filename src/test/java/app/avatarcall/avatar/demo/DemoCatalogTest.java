package app.avatarcall.avatar.demo;

import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarCatalog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DemoCatalogTest {

    @Test
    void operators_of_the_demo_choose_from_the_looks_the_browser_draws_and_its_voice_hints() {
        AvatarCatalog catalog = new DemoAvatarProvider(Duration.ZERO).catalog();

        assertThat(catalog.faces()).extracting(AvatarCatalog.Face::id).containsExactly("ava", "max");
        assertThat(catalog.voices()).extracting(AvatarCatalog.Voice::id).containsExactly("female", "male");
        assertThat(catalog.contexts()).isEmpty();
    }
}
