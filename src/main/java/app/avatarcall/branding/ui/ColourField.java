package app.avatarcall.branding.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Input;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A colour: the browser's own picker beside the colour as {@code #rrggbb} text. The text field carries the label and
 * the error message; either one may be used, and the other follows.
 */
class ColourField extends Div {

    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");

    final TextField hex = new TextField();
    final Input picker = new Input(ValueChangeMode.EAGER);

    ColourField(String label, Runnable onChange) {
        addClassName("colour-field");
        hex.setLabel(label);
        hex.setMaxLength(7);
        hex.setPlaceholder("#6366f1");
        hex.setValueChangeMode(ValueChangeMode.LAZY);
        hex.addValueChangeListener(change -> {
            if (change.isFromClient() && HEX.matcher(change.getValue().strip()).matches()) {
                picker.setValue(change.getValue().strip().toLowerCase(Locale.ROOT));
            }
            onChange.run();
        });
        picker.setType("color");
        picker.getElement().setAttribute("aria-label", label);
        picker.addValueChangeListener(change -> {
            if (change.isFromClient()) {
                hex.setValue(change.getValue());
            }
        });
        picker.getStyle().set("width", "48px").set("height", "36px").set("padding", "0")
                .set("margin-bottom", "var(--lumo-space-xs)").set("flex", "none");
        // The picker beside the field's box, not its label.
        getStyle().set("display", "flex").set("align-items", "flex-end").set("gap", "var(--lumo-space-s)");
        add(picker, hex);
    }

    String value() {
        return hex.getValue().strip();
    }

    void setValue(String colour) {
        hex.setValue(colour);
        picker.setValue(colour);
    }

    void showError(String message) {
        hex.setInvalid(!message.isEmpty());
        hex.setErrorMessage(message);
    }
}
