package app.avatarcall.telegram.miniapp.ui;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;
import org.jsoup.nodes.DataNode;
import org.springframework.stereotype.Component;

/**
 * Paints Telegram's theme before the first frame. The ringing screen comes with the page's HTML and is on the phone
 * before any module has run; without this a light Telegram theme would flash our dark one first. It reads the theme
 * the way {@code telegram-bridge} does (the launch parameters in the URL fragment, else what a reload kept in session
 * storage), sets only well-formed colours, and does nothing outside Telegram.
 */
@Component
class TelegramFirstPaint implements VaadinServiceInitListener {

    static final String SCRIPT = """
            (() => { try {
              const params = {};
              location.hash.replace(/^#/, '').replace(/^[^?]*\\?/, '').split('&').forEach(pair => {
                const at = pair.indexOf('=');
                if (at > 0) params[pair.slice(0, at)] = decodeURIComponent(pair.slice(at + 1).replace(/\\+/g, '%20'));
              });
              const read = key => JSON.parse(sessionStorage.getItem('__telegram__' + key) || 'null') || {};
              const theme = Object.assign({}, JSON.parse(params.tgWebAppThemeParams
                  || read('initParams').tgWebAppThemeParams || 'null'), read('themeParams'));
              for (const key in theme) {
                if (/^[a-z_]{1,40}$/.test(key) && /^#[0-9a-f]{6}$/i.test(theme[key])) {
                  document.documentElement.style.setProperty('--tg-theme-' + key.replace(/_/g, '-'), theme[key]);
                }
              }
            } catch (e) { /* no theme: the page keeps its own */ } })();""";

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::paintTheme);
    }

    private void paintTheme(IndexHtmlResponse response) {
        response.getDocument().head().prependElement("script").appendChild(new DataNode(SCRIPT));
    }
}
