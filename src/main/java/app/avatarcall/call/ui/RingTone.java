package app.avatarcall.call.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * The {@code ring-tone} web component: a ringtone synthesized with Web Audio, and vibration where the device has
 * it. It rings while it is in the page and stops the moment it is removed.
 */
@Tag("ring-tone")
@JsModule("./ring-tone.ts")
class RingTone extends Component {

    RingTone(String tapHint) {
        getElement().setAttribute("tap-hint", tapHint);
    }
}
