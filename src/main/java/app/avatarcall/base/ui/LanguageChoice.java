package app.avatarcall.base.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Russian for browsers whose language starts with {@code ru}, English for everyone else. */
@Component
class LanguageChoice implements VaadinServiceInitListener {

    static final Locale RUSSIAN = Locale.forLanguageTag("ru");

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            VaadinRequest request = VaadinRequest.getCurrent();
            init.getUI().setLocale(pick(request == null ? null : request.getLocale()));
        });
    }

    static Locale pick(@Nullable Locale browser) {
        return browser != null && "ru".equals(browser.getLanguage()) ? RUSSIAN : Locale.ENGLISH;
    }
}
