package app.avatarcall.call.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import java.time.Duration;

/** The {@code call-timer} web component: counts the call's time in the browser, so no second costs a round trip. */
@Tag("call-timer")
@JsModule("./call-timer.ts")
class CallTimer extends Component {

    /** Starts at {@code elapsed}; the browser's own clock counts on, so a skewed clock does not matter. */
    CallTimer(Duration elapsed) {
        getElement().setAttribute("elapsed", String.valueOf(elapsed.toMillis()));
        getElement().setAttribute("role", "timer");
    }
}
