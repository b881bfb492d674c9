package app.avatarcall.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.testing.AppTest;
import java.util.Map;

@AppTest
class KnowledgeItemsTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final String WARRANTY = """
            Nimbus 3 robot vacuum: the manual.

            The warranty on the Nimbus 3 lasts two years from the day of purchase and covers the battery too.

            To empty the dust bin, press the grey button on top and lift the bin out.""";

    @Autowired
    KnowledgeItems items;
    @Autowired
    KnowledgeBaseResponder responder;
    @Autowired
    AvatarDirectory avatars;

    @AfterEach
    void forgetWhatWasAdded() {
        items.all().forEach(item -> items.delete(item.id()));
    }

    @Test
    void a_document_added_for_an_avatar_is_what_its_calls_retrieve_at_once() {
        items.save(KnowledgeItem.document("max", "Nimbus 3 manual", WARRANTY));

        List<Retrieved> found = responder.retrieve("How long does the Nimbus warranty last?", Locale.ENGLISH, "max", 3);
        assertThat(found).first().satisfies(best -> {
            assertThat(best.title()).isEqualTo("Nimbus 3 manual");
            assertThat(best.text()).contains("lasts two years");
            assertThat(best.answers()).isTrue();
        });
        assertThat(found).extracting(Retrieved::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
        assertThat(responder.answer("How long does the Nimbus warranty last?", Locale.ENGLISH, "max").text())
                .contains("lasts two years");
        assertThat(responder.passages("How long does the Nimbus warranty last?", Locale.ENGLISH, "max", 3))
                .extracting(Passage::question).contains("Nimbus 3 manual");
    }

    @Test
    void another_avatars_document_is_not_retrieved() {
        items.save(KnowledgeItem.document("max", "Nimbus 3 manual", WARRANTY));

        assertThat(responder.retrieve("How long does the Nimbus warranty last?", Locale.ENGLISH, "ava", 3))
                .extracting(Retrieved::title).doesNotContain("Nimbus 3 manual");
        assertThat(responder.answer("How long does the Nimbus warranty last?", Locale.ENGLISH, "ava").text())
                .startsWith("Good question!");
    }

    @Test
    void a_shared_russian_faq_entry_answers_every_avatar_and_is_gone_once_removed() {
        KnowledgeItem saved = items.save(KnowledgeItem.faq(null, List.of("Где ваш офис?", "Какой у вас адрес?"),
                "Наш офис на Невском проспекте, дом 1."));
        assertThat(saved.language()).isEqualTo("ru");
        assertThat(items.all()).containsExactly(saved);

        assertThat(responder.answer("где находится офис", RU, "ava").text()).startsWith("Наш офис на Невском");
        assertThat(responder.answer("какой адрес офиса?", RU, "max").text()).startsWith("Наш офис на Невском");

        items.delete(saved.id());
        assertThat(responder.answer("где находится офис", RU, "ava").text()).startsWith("Хороший вопрос!");
    }

    @Test
    void an_edited_entry_answers_with_its_new_text() {
        KnowledgeItem saved = items.save(KnowledgeItem.faq(null, List.of("What are your opening hours?"), "Nine to five."));
        items.save(new KnowledgeItem(saved.id(), null, saved.kind(), "en", saved.title(), saved.questions(),
                "Eight to eight, every day."));

        assertThat(responder.answer("when are you open? opening hours", Locale.ENGLISH).text())
                .isEqualTo("Eight to eight, every day.");
    }

    @Test
    void the_built_in_faq_still_answers_beside_what_operators_added() {
        items.save(KnowledgeItem.document(null, "Manual", WARRANTY));
        assertThat(responder.answer("how much would it cost me?", Locale.ENGLISH).text())
                .startsWith("The demo avatar is free.");
    }

    @Test
    void deleting_an_avatar_forgets_its_knowledge_so_a_new_one_of_the_same_id_starts_afresh() {
        AvatarProfile nina = new AvatarProfile("nina", "ava", "female", Map.of("en",
                new AvatarProfile.Persona("Nina", "Tutor", "Hi!")));
        avatars.save(nina);
        items.save(KnowledgeItem.document("nina", "Nimbus 3 manual", WARRANTY));
        avatars.delete("nina");
        avatars.save(nina);
        try {
            assertThat(items.all()).isEmpty();
            assertThat(responder.retrieve("How long does the Nimbus warranty last?", Locale.ENGLISH, "nina", 3)).isEmpty();
        } finally {
            avatars.delete("nina");
        }
    }
}
