package app.avatarcall.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * The page every screen lives in: server push for avatar events, the Lumo variables branding builds on, our own
 * styles, and a viewport that lets the call fill a phone's screen, notch included.
 */
@Push
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("styles.css")
@Viewport("width=device-width, initial-scale=1, viewport-fit=cover, interactive-widget=resizes-content")
@Meta(name = "color-scheme", content = "light dark")
public class AppShell implements AppShellConfigurator {

    @Override
    public void configurePage(AppShellSettings settings) {
        settings.setPageTitle("Avatar Call");
        settings.addMetaTag("theme-color", "#0f172a");
    }
}
