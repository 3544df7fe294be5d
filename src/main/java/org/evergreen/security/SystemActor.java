package org.evergreen.security;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * Runs start-up work (demo data, scheduled jobs) as the platform itself, through the same secured services
 * that people use, instead of a back door around their checks.
 */
public final class SystemActor {

    /** The platform's own principal; id 0 is never a stored user. */
    public static final EvergreenUser SYSTEM =
            new EvergreenUser(0, "system", "Evergreen", "", Role.ADMIN, null, null, true, null);

    private SystemActor() {
    }

    /**
     * Runs {@code work} as the platform. Inside a Vaadin request the session is set aside meanwhile: Vaadin's
     * security-context strategy prefers the signed-in user's context stored in the session over this thread's.
     */
    public static <T> T call(Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        VaadinSession session = VaadinSession.getCurrent();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()));
        VaadinSession.setCurrent(null);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            VaadinSession.setCurrent(session);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
