package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarDirectory;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Whose knowledge: every avatar's (the empty id) or one avatar's, picked by name. */
final class AvatarScope {

    static final String EVERY = "";

    private AvatarScope() {
    }

    static Select<String> picker(AvatarDirectory avatars, String label, Locale locale) {
        Select<String> picker = new Select<>();
        picker.setLabel(label);
        List<String> ids = new ArrayList<>(List.of(EVERY));
        avatars.all().forEach(avatar -> ids.add(avatar.id()));
        picker.setItems(ids);
        String every = picker.getTranslation("admin.knowledge.every-avatar");
        picker.setItemLabelGenerator(id -> name(avatars, id, locale, every));
        picker.setValue(EVERY);
        return picker;
    }

    static String name(AvatarDirectory avatars, @Nullable String id, Locale locale, String every) {
        if (id == null || id.isEmpty()) {
            return every;
        }
        return avatars.find(id).map(avatar -> avatar.persona(locale).name()).orElse(id);
    }

    /** The id as the knowledge base keeps it: null for every avatar. */
    static @Nullable String stored(@Nullable String id) {
        return id == null || id.isEmpty() ? null : id;
    }
}
