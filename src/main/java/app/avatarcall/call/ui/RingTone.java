package app.avatarcall.call.ui;

import app.avatarcall.branding.Branding;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;

/**
 * The {@code ring-tone} web component: a ringtone synthesized with Web Audio, and vibration where the device has
 * it. It rings while it is in the page and stops the moment it is removed. Which tone, and how loud, is the
 * operator's branding.
 */
@Tag("ring-tone")
@JsModule("./ring-tone.ts")
class RingTone extends Component {

    /** The loudest a tone gets: its two voices at full gain would clip. */
    private static final double MAX_GAIN = 0.5;

    RingTone(String tapHint, Branding.Ringtone tone, int volumePercent) {
        getElement().setAttribute("tap-hint", tapHint);
        getElement().setAttribute("tone", tone.name().toLowerCase(java.util.Locale.ROOT));
        getElement().setAttribute("volume", String.valueOf(MAX_GAIN * volumePercent / 100));
    }
}
