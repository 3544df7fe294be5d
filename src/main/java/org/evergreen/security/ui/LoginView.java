package org.evergreen.security.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.SecurityProperties;
import org.evergreen.shared.ui.LanguageSwitch;

/** Sign-in for all four roles; the form posts to Spring Security, which sends each role to its portal. */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final CurrentUser currentUser;
    private final SecurityProperties securityProperties;
    private final LoginForm loginForm = new LoginForm();
    private final Paragraph registered = new Paragraph();

    public LoginView(CurrentUser currentUser, SecurityProperties securityProperties) {
        this.currentUser = currentUser;
        this.securityProperties = securityProperties;
        addClassName("login-view");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);

        loginForm.setAction("login");
        loginForm.setForgotPasswordButtonVisible(false);
        loginForm.setI18n(loginTexts(false, false));

        Anchor register = new Anchor("register", getTranslation("login.register"));
        register.addClassName("register-link");
        registered.setText(getTranslation("login.registered"));
        registered.addClassName("registered-message");
        registered.setVisible(false);
        Anchor join = new Anchor("join", getTranslation("login.join"));
        join.addClassName("join-link");
        Anchor rules = new Anchor("rules", getTranslation("login.rules"));
        add(new LanguageSwitch(), new H1(getTranslation("app.name")), new Paragraph(getTranslation("app.tagline")),
                registered, loginForm, register, join, rules);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        var parameters = event.getLocation().getQueryParameters().getParameters();
        registered.setVisible(parameters.containsKey("registered"));
        boolean locked = parameters.containsKey("locked");
        boolean unavailable = parameters.containsKey("unavailable");
        if (locked || unavailable || parameters.containsKey("error")) {
            loginForm.setI18n(loginTexts(locked, unavailable));
            loginForm.setError(true);
        }
    }

    private LoginI18n loginTexts(boolean locked, boolean unavailable) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(getTranslation("login.title"));
        form.setUsername(getTranslation("login.username"));
        form.setPassword(getTranslation("login.password"));
        form.setSubmit(getTranslation("login.submit"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(unavailable ? "unavailable.title" : locked ? "login.locked.title" : "login.error.title"));
        error.setMessage(unavailable ? getTranslation("unavailable.message")
                : locked ? getTranslation("login.locked.message", securityProperties.lockoutDuration().toMinutes())
                : getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.username.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }
}
