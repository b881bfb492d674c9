package app.avatarcall.admin.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.avatar.AvatarProfile;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Span;
import org.junit.jupiter.api.Test;

class AvatarsViewTest extends ConsoleTest {

    private AvatarsView open() {
        UI.getCurrent().navigate("admin/avatars");
        return _get(AvatarsView.class);
    }

    private static int row(AvatarsView view, String id) {
        var shown = GridKt._findAll(view.grid);
        return shown.indexOf(shown.stream().filter(avatar -> avatar.id().equals(id)).findFirst().orElseThrow());
    }

    private static Button action(AvatarsView view, String id, String caption) {
        Component actions = GridKt._getCellComponent(view.grid, row(view, id), "actions");
        return _get(actions, Button.class, spec -> spec.withText(caption));
    }

    @Test
    void somebody_not_signed_in_gets_the_sign_in_form_instead_of_avatars_or_knowledge() {
        newBrowser(); // nobody signed in
        for (String route : new String[] {"admin/avatars", "admin/avatars/ava", "admin/avatars/new", "admin/knowledge"}) {
            UI.getCurrent().navigate(route);
            _assertOne(LoginView.class);
            _assertNone(AvatarsView.class);
            _assertNone(AvatarEditor.class);
            _assertNone(KnowledgeView.class);
        }
    }

    @Test
    void the_list_shows_the_demo_avatars_with_ava_marked_as_the_default() {
        AvatarsView view = open();

        assertThat(GridKt._findAll(view.grid)).extracting(AvatarProfile::id).containsExactly("ava", "max");
        assertThat(view.getClassNames()).contains("admin-page");
        Span marker = (Span) GridKt._getCellComponent(view.grid, row(view, "ava"), "default");
        assertThat(marker.isVisible()).isTrue();
        assertThat(GridKt._getCellComponent(view.grid, row(view, "max"), "default").isVisible()).isFalse();
        assertThat(action(view, "ava", "Delete").isEnabled()).isFalse(); // / must always ring somebody
    }

    @Test
    void making_max_the_default_makes_the_plain_link_ring_him_and_is_audited() {
        AvatarsView view = open();
        ButtonKt._click(action(view, "max", "Make default"));

        assertThat(avatars.defaultAvatar().id()).isEqualTo("max");
        assertThat(lastAudit().actor()).isEqualTo("operator");
        assertThat(lastAudit().action()).isEqualTo("avatar.default");
        assertThat(GridKt._getCellComponent(view.grid, row(view, "max"), "default").isVisible()).isTrue();
    }

    @Test
    void deleting_an_avatar_asks_first_and_is_audited() {
        AvatarsView view = open();
        ButtonKt._click(action(view, "max", "Delete"));
        ConfirmDialog confirm = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(confirm)).isEqualTo("Delete Max?");

        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(avatars.find("max")).isEmpty();
        assertThat(GridKt._findAll(view.grid)).extracting(AvatarProfile::id).containsExactly("ava");
        assertThat(lastAudit().action()).isEqualTo("avatar.deleted");
        assertThat(lastAudit().detail()).startsWith("max");
    }

    @Test
    void cancelling_the_question_keeps_the_avatar() {
        AvatarsView view = open();
        ButtonKt._click(action(view, "max", "Delete"));
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));

        assertThat(avatars.find("max")).isPresent();
    }

    @Test
    void add_opens_an_empty_editor() {
        ButtonKt._click(open().add);
        assertThat(_get(AvatarEditor.class).isCreating()).isTrue();
    }
}
