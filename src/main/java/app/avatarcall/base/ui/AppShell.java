package app.avatarcall.base.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Meta;
import com.vaadin.flow.component.page.Viewport;
import com.vaadin.flow.server.AppShellSettings;

/**
 * The page every screen lives in: our styles (which set the Lumo variables branding builds on) and a viewport that
 * lets the call fill a phone's screen, notch included. Server push for avatar events is switched on per UI, after the
 * first paint ({@link PushAfterFirstPaint}).
 */
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
