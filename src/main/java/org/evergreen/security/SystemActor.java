package org.evergreen.security;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

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

    /** Runs {@code work} as the platform. */
    public static <T> T call(Supplier<T> work) {
        return RunAs.call(UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, SYSTEM.getAuthorities()), work);
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
