package app.avatarcall.call.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import app.avatarcall.branding.Branding;
import app.avatarcall.branding.Brandings;
import app.avatarcall.branding.LogoImages;
import app.avatarcall.branding.ScreenText;
import app.avatarcall.branding.ScreenTexts;
import app.avatarcall.branding.TestImages;
import app.avatarcall.testing.KaribuTest;
import com.github.mvysny.kaributesting.v10.BasicUtilsKt;
import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeButton;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The operator's branding on the call screens: from the next call on, and in the page's very first HTML. */
class BrandedCallTest extends KaribuTest {

    @Autowired
    Brandings brandings;

    @AfterEach
    void backToTheDefaultLook() {
        brandings.reset("test");
    }

    private void brand(String accent, Branding.Scheme scheme, boolean captions, boolean animations, ScreenTexts texts) {
        Branding d = Branding.DEFAULT;
        brandings.save(new Branding(accent, "#101010", "#202020", scheme, Branding.PortraitStyle.FULL,
                Branding.ChatPlacement.BOTTOM, captions, Branding.Ringtone.SOFT, 80, animations, d.logoVersion(),
                texts), null, "operator");
    }

    /** A new call: the mocked UI's first navigation already rang the default avatar, before the operator's save. */
    private static CallView open(String route) {
        UI.getCurrent().navigate("call/max");
        return _get(CallView.class);
    }

    private static NativeButton button(String accessibleName) {
        return _get(NativeButton.class, spec -> spec.withAttribute("aria-label", accessibleName));
    }

    private static void click(NativeButton button) {
        ButtonKt._click(button);
        roundTrip();
    }

    @Test
    void an_operators_accent_colour_is_on_the_ringing_screen_of_the_next_call_and_in_its_first_html() {
        brand("#ff0000", Branding.Scheme.DARK, true, true, ScreenTexts.NONE);
        CallView view = open("");

        assertThat(view.getElement().getStyle().get("--brand-accent")).isEqualTo("#ff0000");
        assertThat(view.getClassNames()).contains("call-view", "brand-scheme-dark", "brand-portrait-full",
                "brand-chat-bottom");
        Document page = Jsoup.parse("<html><head></head><body><div id='outlet'></div></body></html>");
        RingingShell.addTo(page, view);
        var shell = page.selectFirst(".ringing-shell");
        assertThat(shell).isNotNull();
        assertThat(shell.attr("style")).contains("--brand-accent:#ff0000").contains("--brand-bg-from:#101010");
        assertThat(shell.classNames()).contains("call-view", "brand-scheme-dark");
        assertThat(shell.select(".round-button--accept")).hasSize(1);
        assertThat(page.select("script[src], link[rel=stylesheet]")).as("nothing more to fetch first").isEmpty();
    }

    @Test
    void out_of_the_box_the_call_follows_telegrams_theme_with_captions_and_animations() {
        CallView view = open("");
        assertThat(view.getClassNames()).contains("brand-scheme-telegram", "brand-portrait-circle", "brand-chat-side")
                .doesNotContain("brand-no-captions", "brand-still");
        assertThat(view.getElement().getStyle().get("--brand-accent")).isEqualTo(Branding.DEFAULT.accent());
        assertThat(((IncomingCallScreen) view.screen).logo.isVisible()).isFalse();
    }

    @Test
    void a_call_already_ringing_keeps_its_look_and_the_next_call_gets_the_new_one() {
        CallView view = open("");
        brand("#00ff00", Branding.Scheme.LIGHT, true, true, ScreenTexts.NONE);
        assertThat(view.getElement().getStyle().get("--brand-accent")).isEqualTo(Branding.DEFAULT.accent());

        click(button("Decline call"));
        click(button("Call again"));
        assertThat(view.getElement().getStyle().get("--brand-accent")).isEqualTo("#00ff00");
        assertThat(view.getClassNames()).contains("brand-scheme-light").doesNotContain("brand-scheme-telegram");
    }

    @Test
    void captions_off_and_animations_off_are_the_calls_own_classes_and_the_ringtone_is_the_operators() {
        brand("#ff0000", Branding.Scheme.TELEGRAM, false, false, ScreenTexts.NONE);
        CallView view = open("");
        assertThat(view.getClassNames()).contains("brand-no-captions", "brand-still");
        RingTone tone = ((IncomingCallScreen) view.screen).ringTone;
        assertThat(tone.getElement().getAttribute("tone")).isEqualTo("soft");
        assertThat(Double.parseDouble(tone.getElement().getAttribute("volume"))).isEqualTo(0.4);
    }

    @Test
    void the_operators_words_replace_the_built_in_ones_in_the_callers_language() {
        brand("#ff0000", Branding.Scheme.TELEGRAM, true, true, new ScreenTexts(
                Map.of(ScreenText.ACCEPT, "Answer", ScreenText.INCOMING_TITLE, "Your consultant is calling",
                        ScreenText.ENDED, "Thanks for calling!"),
                Map.of(ScreenText.ACCEPT, "Ответить")));
        CallView view = open("");
        IncomingCallScreen incoming = (IncomingCallScreen) view.screen;
        assertThat(incoming.kind.getText()).isEqualTo("Your consultant is calling");
        incoming.addressTo("Anna");
        assertThat(incoming.kind.getText()).as("the operator's title stays").isEqualTo("Your consultant is calling");
        assertThat(button("Answer").isVisible()).as("the spoken name is the caption").isTrue();
        assertThat(button("Decline call").isVisible()).as("no override: built in").isTrue();

        click(button("Answer"));
        stageReady(view);
        click(button("End call"));
        assertThat(_get(H2.class).getText()).isEqualTo("Thanks for calling!");
    }

    @Test
    void a_russian_caller_gets_the_russian_words_and_the_built_in_russian_where_there_are_none() {
        brand("#ff0000", Branding.Scheme.TELEGRAM, true, true, new ScreenTexts(
                Map.of(ScreenText.ACCEPT, "Answer"), Map.of(ScreenText.ACCEPT, "Ответить")));
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru-RU"));
        CallView view = open("");
        assertThat(button("Ответить").isVisible()).isTrue();
        assertThat(((IncomingCallScreen) view.screen).kind.getText()).isEqualTo("Видеозвонок…");
    }

    @Test
    void the_operators_logo_shows_on_the_ringing_screen_lazily_at_a_url_that_names_its_version() throws Exception {
        var logo = LogoImages.reencode(TestImages.image("png", 120, 40));
        brandings.save(Branding.DEFAULT, logo, "operator");
        CallView view = open("");
        var image = ((IncomingCallScreen) view.screen).logo;
        assertThat(image.isVisible()).isTrue();
        assertThat(image.getSrc()).isEqualTo("branding/logo?v=" + logo.version());
        assertThat(image.getElement().getAttribute("loading")).isEqualTo("lazy");
        assertThat(image.getAlt()).hasValue("Logo");
    }

    private static void stageReady(CallView view) {
        JsonMapper json = JsonMapper.builder().build();
        ObjectNode detail = json.createObjectNode().put("type", "ready").put("utterance", "").put("text", "");
        ObjectNode data = json.createObjectNode();
        data.set("event.detail", detail);
        BasicUtilsKt._fireDomEvent(view.stage, "stage-event", data);
        roundTrip();
    }
}
