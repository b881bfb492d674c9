package app.avatarcall.call.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.Document;
import org.springframework.stereotype.Component;

/**
 * Puts the ringing screen into the page itself, so that a phone shows it, Accept and Decline included, as soon as
 * the HTML and the styles arrive, instead of after Flow's client has loaded and started (most of a cold load on a
 * slow phone). The HTML is the very screen the server built for this page, serialized; a tap on it before the app
 * is up is remembered and honoured by {@link CallView} the moment it is.
 */
@Component
class RingingShell implements VaadinServiceInitListener {

    /** Remembers a tap on the page's first Accept / Decline, before any other script has loaded. */
    private static final String REMEMBER_TAPS = """
            document.addEventListener('click', event => {
              const button = event.target.closest('.ringing-shell .round-button');
              if (button) {
                window.earlyTap = button.classList.contains('round-button--accept') ? 'accept' : 'decline';
                button.closest('.ringing-shell').classList.add('ringing-shell--answered');
              }
            }, true);""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::addShell);
    }

    private void addShell(IndexHtmlResponse response) {
        response.getUI().map(UI::getCurrentView)
                .filter(CallView.class::isInstance).map(CallView.class::cast)
                .filter(view -> view.screen instanceof IncomingCallScreen)
                .ifPresent(view -> addTo(response.getDocument(), view));
    }

    /** Apart from the listener, so that a test can read what a page gets on a plain document. */
    static void addTo(Document page, CallView view) {
        page.head().appendElement("script").attr("initial", "").appendChild(
                new org.jsoup.nodes.DataNode(REMEMBER_TAPS));
        var outlet = page.getElementById("outlet");
        if (outlet != null && view.screen != null) {
            var shell = outlet.prependElement("div").addClass("ringing-shell")
                    .attr("data-state", "ringing").append(view.screen.getElement().getOuterHTML());
            // The view's classes and inline style carry the operator's branding (BrandingStyle).
            view.getElement().getClassList().forEach(shell::addClass);
            String branded = view.getElement().getAttribute("style");
            if (branded != null) {
                shell.attr("style", branded);
            }
            // Sound and motion start with the app's own screen; the shell only has to be seen and tapped.
            shell.select("ring-tone").remove();
            shell.select("avatar-stage").removeAttr("portrait");
        }
    }
}
