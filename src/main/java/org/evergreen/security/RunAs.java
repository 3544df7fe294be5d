package org.evergreen.security;

import com.vaadin.flow.server.VaadinSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.function.Supplier;

/**
 * Runs work under another identity (the platform's, a till's, a demo user's) through the same secured services,
 * and puts the caller's identity back afterwards.
 */
public final class RunAs {

    private RunAs() {
    }

    /**
     * Runs {@code work} as {@code authentication}. Inside a Vaadin request the session is set aside meanwhile:
     * Vaadin's security-context strategy prefers the signed-in user's context stored in the session over this thread's.
     */
    public static <T> T call(Authentication authentication, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        VaadinSession session = VaadinSession.getCurrent();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        VaadinSession.setCurrent(null);
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
            VaadinSession.setCurrent(session);
        }
    }
}
