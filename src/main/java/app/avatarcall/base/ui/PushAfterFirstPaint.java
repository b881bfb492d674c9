package app.avatarcall.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.shared.communication.PushMode;
import org.springframework.stereotype.Component;

/**
 * Turns server push on once the first screen is on the phone. With push on from the start, Flow fetches its push
 * script before anything else and the ringing screen waits for it; this way the script loads while the phone rings.
 */
@Component
class PushAfterFirstPaint implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            UI ui = init.getUI();
            Runnable enable = () -> ui.getPushConfiguration().setPushMode(PushMode.AUTOMATIC);
            ui.getPage().executeJs("return 0").then(painted -> enable.run(), failed -> enable.run());
        });
    }
}
