package org.evergreen;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.Route;
import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;
import kotlin.jvm.functions.Function0;
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
        UI.getCurrent().getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);
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

    protected static void navigate(String path) {
        UI.getCurrent().navigate(path);
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
