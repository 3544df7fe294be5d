package org.evergreen;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.security.Principal;
import java.util.Locale;

/**
 * Base of the UI tests: the real views and services over the embedded MariaDB, driven by Karibu without a
 * browser. Routes are discovered once per JVM. Every fake request reports the Spring Security user, as the
 * real filter chain would, so that Vaadin's navigation access control sees who is signed in.
 */
@EvergreenTest
public abstract class KaribuTest {

    /** The password of every demo login. */
    protected static final String DEMO_PASSWORD = "evergreen";

    private static final Routes ROUTES = discoverRoutes();

    @Autowired
    protected ApplicationContext context;

    @Autowired
    private AuthenticationConfiguration authenticationConfiguration;

    @BeforeEach
    void setUpVaadin() {
        SecurityContextHolder.clearContext();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session) {
                @Override
                public Principal getUserPrincipal() {
                    return signedIn();
                }
            };
            request.setUserInRole((principal, role) -> principal instanceof Authentication authentication
                    && authentication.getAuthorities().stream()
                    .anyMatch(authority -> authority.getAuthority().equals(role.startsWith("ROLE_") ? role : "ROLE_" + role)));
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(ROUTES, context, uiFactory));
        // Karibu's session knows no browser language; use the platform's default, Chinese, and redraw the landing view.
        UI ui = UI.getCurrent();
        ui.getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
        ui.setLocale(Locale.SIMPLIFIED_CHINESE);
        ui.refreshCurrentRoute(true);
    }

    @AfterEach
    void tearDownVaadin() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    /** Signs in through the real authentication manager (password check, lock-out), as the login form would. */
    protected Authentication login(String username, String password) {
        try {
            Authentication authentication = authenticationConfiguration.getAuthenticationManager()
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
            SecurityContextHolder.getContext().setAuthentication(authentication);
            return authentication;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Authentication login(String username) {
        return login(username, DEMO_PASSWORD);
    }

    /** A text the login form shows, e.g. {@code /errorMessage/title}: its texts are kept only as an element property. */
    protected static String loginFormText(LoginForm form, String jsonPointer) {
        return ((JsonNode) form.getElement().getPropertyRaw("i18n")).at(jsonPointer).asString();
    }

    /** Navigates like a browser would to {@code path}, which may carry a query string ({@code login?error}). */
    protected static void navigate(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            UI.getCurrent().navigate(path);
        } else {
            UI.getCurrent().navigate(path.substring(0, query), QueryParameters.fromString(path.substring(query + 1)));
        }
    }

    /**
     * Types a value into a field the user can edit. Karibu 2.6.2's {@code _setValue} reaches into a Vaadin
     * internal that 25.2 changed, so the value is set directly after the same editability check.
     */
    protected static <V> void setValue(HasValue<?, V> field, V value) {
        LocatorJ.assertEditableByUser((Component) field);
        field.setValue(value);
    }

    /**
     * Karibu's own discovery skips package-private classes, and our views are package-private by design;
     * so the views are found here with visibility ignored and added to what Karibu found.
     */
    private static Routes discoverRoutes() {
        Routes routes = new Routes().autoDiscoverViews("org.evergreen");
        try (ScanResult scan = new ClassGraph().enableAnnotationInfo().ignoreClassVisibility()
                .acceptPackages("org.evergreen").scan()) {
            scan.getClassesWithAnnotation(Route.class).loadClasses(Component.class)
                    .forEach(view -> routes.getRoutes().add(view));
        }
        return routes;
    }

    private static Authentication signedIn() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() ? null : authentication;
    }
}
