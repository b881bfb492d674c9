package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.base.ui.AvatarDrafts;
import app.avatarcall.conversation.ChatMode;
import app.avatarcall.testing.KaribuTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An operator's test call: /call/{id}?draft=token rings the unsaved avatar, in their session only. */
class CallViewDraftTest extends KaribuTest {

    @Autowired
    AvatarDirectory avatars;

    private AvatarProfile ringing(String route, String token) {
        UI.getCurrent().navigate(route, QueryParameters.of(AvatarDrafts.QUERY_PARAMETER, token));
        return Objects.requireNonNull(_get(CallView.class).call).avatar();
    }

    private static AvatarProfile draftOf(AvatarProfile saved, String name) {
        return new AvatarProfile(saved.id(), "max", saved.voice(), Map.of("en",
                new AvatarProfile.Persona(name, "Tester", "Hello from the draft!")), "en", SpeechMode.REPEAT, 1.2, "", "");
    }

    @Test
    void a_test_call_rings_the_unsaved_draft_in_the_mode_it_starts_in() {
        AvatarProfile draft = draftOf(avatars.find("ava").orElseThrow(), "Ava (draft)");
        String token = AvatarDrafts.keep(VaadinSession.getCurrent(), draft);

        AvatarProfile rung = ringing("call/ava", token);

        assertThat(rung).isEqualTo(draft);
        assertThat(Objects.requireNonNull(_get(CallView.class).call).mode()).isEqualTo(ChatMode.REPEAT);
        assertThat(avatars.find("ava").orElseThrow().persona(java.util.Locale.ENGLISH).name()).isEqualTo("Ava");
    }

    @Test
    void a_draft_of_an_avatar_not_saved_yet_can_be_test_called_by_its_id() {
        AvatarProfile nina = new AvatarProfile("nina", "ava", "female", Map.of("en",
                new AvatarProfile.Persona("Nina", "Tutor", "Hi, I'm Nina!")));
        String token = AvatarDrafts.keep(VaadinSession.getCurrent(), nina);

        assertThat(ringing("call/nina", token)).isEqualTo(nina);
    }

    @Test
    void a_draft_token_from_another_session_rings_the_saved_avatar() {
        String token = AvatarDrafts.keep(VaadinSession.getCurrent(), draftOf(avatars.find("max").orElseThrow(), "Evil"));

        newBrowser();

        assertThat(ringing("call/max", token)).isEqualTo(avatars.find("max").orElseThrow());
    }

    @Test
    void a_token_for_one_avatar_does_not_swap_in_its_draft_under_another_id() {
        String token = AvatarDrafts.keep(VaadinSession.getCurrent(), draftOf(avatars.find("max").orElseThrow(), "Max?"));

        assertThat(ringing("call/ava", token)).isEqualTo(avatars.find("ava").orElseThrow());
        assertThat(ringing("call/max", "made-up")).isEqualTo(avatars.find("max").orElseThrow());
    }
}
