package org.evergreen.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.security.MemberRegistration;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.ui.LanguageSwitch;
import org.evergreen.shared.validation.InvalidInputException;

import java.util.List;
import java.util.Map;

/** Self-registration of members by phone number or e-mail, with consent to the points terms. */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
public class RegistrationView extends VerticalLayout implements HasDynamicTitle {

    private final UserAccounts userAccounts;
    private final TextField phoneOrEmail = new TextField();
    private final TextField displayName = new TextField();
    private final PasswordField password = new PasswordField();
    private final PasswordField passwordAgain = new PasswordField();
    private final Checkbox acceptTerms = new Checkbox();
    private final FormErrors errors = new FormErrors(this);

    public RegistrationView(UserAccounts userAccounts) {
        this.userAccounts = userAccounts;
        addClassName("registration-view");
        setAlignItems(Alignment.CENTER);

        phoneOrEmail.setLabel(getTranslation("registration.phoneOrEmail"));
        phoneOrEmail.setHelperText(getTranslation("registration.phoneOrEmail.help"));
        phoneOrEmail.setMaxLength(254);
        phoneOrEmail.setRequiredIndicatorVisible(true);
        displayName.setLabel(getTranslation("registration.displayName"));
        displayName.setMaxLength(32);
        displayName.setRequiredIndicatorVisible(true);
        password.setLabel(getTranslation("registration.password"));
        password.setHelperText(getTranslation("registration.password.help"));
        password.setMaxLength(64);
        passwordAgain.setLabel(getTranslation("registration.passwordAgain"));
        passwordAgain.setMaxLength(64);
        acceptTerms.setLabel(getTranslation("registration.acceptTerms"));
        errors.field("phoneOrEmail", phoneOrEmail).field("displayName", displayName)
                .field("password", password).field("passwordAgain", passwordAgain)
                .field("acceptedTerms", acceptTerms);

        Details terms = new Details(getTranslation("registration.terms.title"),
                new Paragraph(getTranslation("registration.terms.text")));
        Button register = new Button(getTranslation("registration.submit"), click -> register());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.setDisableOnClick(true);
        register.addClickListener(click -> register.setEnabled(true));

        FormLayout form = new FormLayout(phoneOrEmail, displayName, password, passwordAgain, terms, acceptTerms, register);
        form.setMaxWidth("32em");
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(new LanguageSwitch(), new H1(getTranslation("registration.title")), form,
                new Anchor("login", getTranslation("registration.toLogin")));
    }

    private void register() {
        errors.clear();
        if (!password.getValue().equals(passwordAgain.getValue())) {
            errors.show(new InvalidInputException("passwordAgain", "registration.password.mismatch"));
            return;
        }
        try {
            userAccounts.registerMember(new MemberRegistration(phoneOrEmail.getValue(), displayName.getValue(),
                    password.getValue(), acceptTerms.getValue()));
            getUI().ifPresent(ui -> ui.navigate("login", new QueryParameters(Map.of("registered", List.of("")))));
        } catch (InvalidInputException refused) {
            errors.show(refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("registration.title") + " · " + getTranslation("app.name");
    }
}
