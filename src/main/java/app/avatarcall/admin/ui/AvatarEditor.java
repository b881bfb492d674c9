package app.avatarcall.admin.ui;

import app.avatarcall.admin.AuditLog;
import app.avatarcall.avatar.AvatarCatalog;
import app.avatarcall.avatar.AvatarDirectory;
import app.avatarcall.avatar.AvatarProfile;
import app.avatarcall.avatar.AvatarProviders;
import app.avatarcall.avatar.SpeechMode;
import app.avatarcall.base.ui.AvatarDrafts;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One avatar's settings: its id (fixed once saved: deep links use it), face and voice from the provider's catalogue,
 * the mode it starts in, and its persona per language. "Test call" rings the settings as they stand, unsaved, in a
 * new tab ({@link AvatarDrafts}).
 */
@Route(value = "admin/avatars/:id", layout = AdminLayout.class)
@RouteAlias(value = "admin/avatars/new", layout = AdminLayout.class)
@PageTitle("Avatar Call · Avatar")
@RolesAllowed("ADMIN")
class AvatarEditor extends Div implements BeforeEnterObserver {

    static final String NEW = "new";
    static final String[] EMOTIONS = {"", "friendly", "excited", "serious", "soothing", "broadcaster"};

    private final AvatarDirectory avatars;
    private final AuditLog audit;
    private final AuthenticationContext authentication;
    final Binder<AvatarForm> binder = new Binder<>();
    final H2 title = new H2();
    final TextField id = new TextField();
    final ComboBox<String> look;
    final ComboBox<String> voice;
    final ComboBox<String> context;
    /** The chosen face's preview image (initials where the catalogue has none, as for the demo's looks). */
    final Avatar face = new Avatar();
    final NumberField speed = new NumberField();
    final Select<String> emotion = new Select<>();
    final Select<String> language = new Select<>();
    final Select<SpeechMode> startsIn = new Select<>();
    final Map<String, PersonaFields> personas = new LinkedHashMap<>();
    final Button save = new Button();
    final Button testCall = new Button();
    /** Where the last test call was opened, for tests to follow. */
    @Nullable String testCallUrl;
    private boolean creating = true;
    private AvatarForm form = new AvatarForm();

    AvatarEditor(AvatarDirectory avatars, AvatarProviders providers, AuditLog audit,
                 AuthenticationContext authentication) {
        this.avatars = avatars;
        this.audit = audit;
        this.authentication = authentication;
        addClassName("admin-page");
        AvatarCatalog catalog = catalogOf(providers);
        look = CataloguePickers.faces(catalog);
        voice = CataloguePickers.voices(catalog);
        context = CataloguePickers.contexts(catalog);
        AvatarEditorLabels.apply(this);
        look.addValueChangeListener(change -> showFace(catalog, change.getValue()));
        new AvatarEditorBinding(this, avatars).bind();
        TabSheet languages = new TabSheet();
        personas.forEach((code, fields) -> languages.add(getTranslation("admin.avatars.language." + code), fields));
        save.setText(getTranslation("admin.avatars.save"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(click -> save());
        testCall.setText(getTranslation("admin.avatars.test-call"));
        testCall.addClickListener(click -> testCall());
        Button cancel = new Button(getTranslation("admin.avatars.cancel"),
                click -> UI.getCurrent().navigate(AvatarsView.class));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout lookAndFace = new HorizontalLayout(look, face);
        lookAndFace.setAlignItems(FlexComponent.Alignment.END);
        FormLayout settings = new FormLayout(id, lookAndFace, voice, speed, emotion, language, startsIn, context);
        add(title, settings, languages, new HorizontalLayout(save, testCall, cancel));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<String> wanted = event.getRouteParameters().get("id");
        Optional<AvatarProfile> found = wanted.flatMap(avatars::find);
        if (wanted.isPresent() && found.isEmpty()) {
            event.forwardTo(AvatarsView.class); // an avatar deleted meanwhile, or a mistyped address
            return;
        }
        creating = found.isEmpty();
        form = found.map(AvatarForm::of).orElseGet(AvatarForm::new);
        CataloguePickers.include(look, form.look);
        CataloguePickers.include(voice, form.voice);
        CataloguePickers.include(context, form.context);
        id.setReadOnly(!creating);
        title.setText(creating ? getTranslation("admin.avatars.new")
                : getTranslation("admin.avatars.edit", form.persona("en").name));
        binder.readBean(form);
    }

    boolean isCreating() {
        return creating;
    }

    private void save() {
        if (!binder.writeBeanIfValid(form)) {
            return; // each field says what is wrong with it
        }
        AvatarProfile avatar = form.profile();
        avatars.save(avatar);
        audit.record(actor(), "avatar.saved", avatar.id() + " (" + avatar.persona(Locale.ENGLISH).name() + ")");
        Notification.show(getTranslation("admin.avatars.saved", avatar.persona(getLocale()).name()));
        UI.getCurrent().navigate(AvatarsView.class);
    }

    /** Rings the settings as they stand, without saving them, in a tab of this browser session. */
    private void testCall() {
        AvatarForm draft = new AvatarForm();
        if (!binder.writeBeanIfValid(draft)) {
            return;
        }
        AvatarProfile avatar = draft.profile();
        String token = AvatarDrafts.keep(VaadinSession.getCurrent(), avatar);
        testCallUrl = "call/" + avatar.id() + "?" + AvatarDrafts.QUERY_PARAMETER + "=" + token;
        UI.getCurrent().getPage().open(testCallUrl, "_blank");
    }

    private void showFace(AvatarCatalog catalog, @Nullable String look) {
        var chosen = catalog.faces().stream().filter(known -> known.id().equals(look)).findFirst();
        face.setName(chosen.map(AvatarCatalog.Face::name).orElse(look == null ? "" : look));
        face.setImage(chosen.map(AvatarCatalog.Face::previewUrl).orElse(null));
    }

    private String actor() {
        return authentication.getPrincipalName().orElse("unknown");
    }

    private static AvatarCatalog catalogOf(AvatarProviders providers) {
        try {
            return providers.current().catalog();
        } catch (RuntimeException e) {
            return AvatarCatalog.EMPTY; // the provider is down: ids can still be typed in
        }
    }
}
