package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.conversation.KnowledgeBaseResponder;
import app.avatarcall.conversation.Retrieved;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;

/**
 * "What would the avatar find?": a question asked of the knowledge base as a call with that avatar would ask it,
 * and the passages it retrieves, best first, with their scores; the one it would say as the answer is marked.
 */
final class KnowledgeSearch extends Composite<Div> {

    static final int SHOWN = 5;

    private final KnowledgeBaseResponder knowledge;
    final TextField question = new TextField();
    final Select<String> avatar;
    final Button search = new Button();
    final Grid<Retrieved> results = new Grid<>();
    final Paragraph nothing = new Paragraph();

    KnowledgeSearch(KnowledgeBaseResponder knowledge, AvatarDirectory avatars) {
        this.knowledge = knowledge;
        avatar = AvatarScope.picker(avatars, getTranslation("admin.knowledge.search.as"), getLocale());
        avatar.setValue(avatars.defaultAvatar().id());
        question.setLabel(getTranslation("admin.knowledge.search.question"));
        question.setWidth("min(32rem, 100%)");
        question.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, enter -> search());
        search.setText(getTranslation("admin.knowledge.search"));
        search.addClickListener(click -> search());
        results.addColumn(hit -> String.format(Locale.ROOT, "%.2f", hit.score()))
                .setHeader(getTranslation("admin.knowledge.search.score")).setAutoWidth(true);
        results.addColumn(Retrieved::title).setHeader(getTranslation("admin.knowledge.item-title")).setAutoWidth(true);
        results.addColumn(Retrieved::text).setHeader(getTranslation("admin.knowledge.search.passage")).setFlexGrow(1);
        results.addColumn(hit -> hit.answers() ? getTranslation("admin.knowledge.search.answers") : "")
                .setAutoWidth(true);
        results.setAllRowsVisible(true);
        results.setVisible(false);
        nothing.setText(getTranslation("admin.knowledge.search.nothing"));
        nothing.setVisible(false);
        HorizontalLayout ask = new HorizontalLayout(question, avatar, search);
        ask.setAlignItems(FlexComponent.Alignment.BASELINE);
        ask.setWrap(true);
        getContent().add(new H3(getTranslation("admin.knowledge.search.title")), ask, results, nothing);
    }

    private void search() {
        if (question.getValue().isBlank()) {
            return;
        }
        List<Retrieved> found = knowledge.retrieve(question.getValue(), getLocale(), avatar.getValue(), SHOWN);
        results.setItems(found);
        results.setVisible(!found.isEmpty());
        nothing.setVisible(found.isEmpty());
    }
}
