package app.avatarcall.admin.ui;

import app.avatarcall.avatar.AvatarCatalog;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Pickers over the provider's catalogue: faces with their preview images (the demo provider's looks have none and
 * show their initials), voices and contexts. Each also takes an id typed in by hand, for what the catalogue does not
 * list (or when it cannot be had right now).
 */
final class CataloguePickers {

    private CataloguePickers() {
    }

    static ComboBox<String> faces(AvatarCatalog catalog) {
        Map<String, AvatarCatalog.Face> faces = new LinkedHashMap<>();
        catalog.faces().forEach(face -> faces.put(face.id(), face));
        ComboBox<String> picker = picker(new ArrayList<>(faces.keySet()),
                id -> faces.containsKey(id) ? faces.get(id).name() : id);
        picker.setRenderer(new ComponentRenderer<>(id -> {
            AvatarCatalog.Face face = faces.get(id);
            return face == null ? new Span(id) : preview(face);
        }));
        return picker;
    }

    static ComboBox<String> voices(AvatarCatalog catalog) {
        Map<String, String> labels = new LinkedHashMap<>();
        catalog.voices().forEach(voice -> labels.put(voice.id(), String.join(" · ", List.of(voice.name(),
                voice.language(), voice.gender()).stream().filter(part -> !part.isBlank()).toList())));
        return picker(new ArrayList<>(labels.keySet()), id -> labels.getOrDefault(id, id));
    }

    static ComboBox<String> contexts(AvatarCatalog catalog) {
        Map<String, String> labels = new LinkedHashMap<>();
        catalog.contexts().forEach(context -> labels.put(context.id(), context.name()));
        return picker(new ArrayList<>(labels.keySet()), id -> labels.getOrDefault(id, id));
    }

    static HorizontalLayout preview(AvatarCatalog.Face face) {
        Avatar image = new Avatar(face.name());
        if (face.previewUrl() != null) {
            image.setImage(face.previewUrl());
        }
        HorizontalLayout row = new HorizontalLayout(image, new Span(face.name()));
        row.setAlignItems(HorizontalLayout.Alignment.CENTER);
        return row;
    }

    /** Makes an id the catalogue does not list (typed by hand before, or from a catalogue since changed) choosable. */
    static void include(ComboBox<String> picker, String id) {
        if (!id.isBlank() && !picker.getListDataView().contains(id)) {
            picker.getListDataView().addItem(id);
        }
    }

    private static ComboBox<String> picker(List<String> ids, Function<String, String> label) {
        ComboBox<String> picker = new ComboBox<>();
        picker.setItems(new ArrayList<>(ids));
        picker.setItemLabelGenerator(label::apply);
        picker.setAllowCustomValue(true);
        picker.addCustomValueSetListener(typed -> {
            String id = typed.getDetail().strip();
            include(picker, id);
            picker.setValue(id);
        });
        picker.setWidthFull();
        return picker;
    }
}
