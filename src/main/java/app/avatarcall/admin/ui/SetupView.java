package app.avatarcall.admin.ui;

import app.avatarcall.admin.AdminAccounts;
import app.avatarcall.admin.AdminProperties;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.Lumo;

/**
 * First run: no admin account exists, so the first operator makes one. It asks for the one-time set-up code the
 * server logged at start-up, so that a stranger who finds a fresh deployment first cannot take it over.
 */
@Route("admin/setup")
@PageTitle("Avatar Call · Admin")
@AnonymousAllowed
@StyleSheet(Lumo.STYLESHEET)
@StyleSheet("admin.css")
class SetupView extends Div implements BeforeEnterObserver {

    final TextField code = new TextField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final PasswordField repeat = new PasswordField();
    final Button create = new Button();
    private final AdminAccounts accounts;

    SetupView(AdminAccounts accounts) {
        this.accounts = accounts;
        addClassNames("admin-console", "admin-entry");
        code.setLabel(getTranslation("admin.setup.code"));
        code.setHelperText(getTranslation("admin.setup.code.hint"));
        username.setLabel(getTranslation("admin.login.username"));
        username.setMaxLength(64);
        password.setLabel(getTranslation("admin.login.password"));
        password.setHelperText(getTranslation("admin.setup.password.hint", AdminProperties.MIN_PASSWORD));
        repeat.setLabel(getTranslation("admin.setup.repeat"));
        create.setText(getTranslation("admin.setup.create"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> create());
        VerticalLayout form = new VerticalLayout(new H2(getTranslation("admin.setup.title")),
                new Paragraph(getTranslation("admin.setup.intro")), code, username, password, repeat, create);
        form.setMaxWidth("24rem");
        form.getChildren().forEach(field -> field.getElement().getStyle().set("align-self", "stretch"));
        add(form);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!accounts.needsSetUp()) {
            event.forwardTo(LoginView.class);
        }
    }

    private void create() {
        code.setInvalid(false);
        username.setInvalid(false);
        password.setInvalid(false);
        repeat.setInvalid(false);
        if (username.getValue().isBlank()) {
            invalid(username, "admin.setup.error.username");
        } else if (password.getValue().codePointCount(0, password.getValue().length()) < AdminProperties.MIN_PASSWORD) {
            invalid(password, "admin.setup.error.short");
        } else if (!password.getValue().equals(repeat.getValue())) {
            invalid(repeat, "admin.setup.error.repeat");
        } else {
            switch (accounts.setUpFirst(code.getValue(), username.getValue(), password.getValue())) {
                case CREATED -> getUI().ifPresent(ui -> ui.navigate(LoginView.class));
                case WRONG_CODE -> invalid(code, "admin.setup.error.code");
                case TOO_LATE -> getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            }
        }
    }

    private void invalid(TextField field, String key) {
        field.setErrorMessage(getTranslation(key));
        field.setInvalid(true);
    }

    private void invalid(PasswordField field, String key) {
        field.setErrorMessage(getTranslation(key, AdminProperties.MIN_PASSWORD));
        field.setInvalid(true);
    }
}
