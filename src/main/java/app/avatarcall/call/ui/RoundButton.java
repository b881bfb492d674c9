package app.avatarcall.call.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ClickEvent;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Span;

/** A round phone button (accept, decline, end) with an icon drawn by CSS and a spoken name. */
final class RoundButton {

    private RoundButton() {
    }

    static NativeButton create(String kind, String accessibleName, ComponentEventListener<ClickEvent<NativeButton>> onClick) {
        Span icon = new Span();
        icon.addClassNames("icon", "icon-" + kind);
        icon.getElement().setAttribute("aria-hidden", "true");
        NativeButton button = new NativeButton("", onClick);
        button.add(icon);
        button.addClassNames("round-button", "round-button--" + kind);
        button.getElement().setAttribute("aria-label", accessibleName);
        button.getElement().setAttribute("title", accessibleName);
        return button;
    }
}
