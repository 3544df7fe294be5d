package org.evergreen.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.evergreen.security.internal.UserAccountRepository;
import org.evergreen.shared.database.DatabaseOutages;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

/**
 * Ends the open sessions of an account that was stopped from signing in (a cashier their owner stopped). Signing in
 * checks the flag, but a session opened before would otherwise live on. Each session reads the flag again at most every
 * {@link #RECHECK} (one primary-key read), so the check costs next to nothing and holds on every node, whichever node
 * made the change.
 */
final class DisabledAccountSessions extends OncePerRequestFilter {

    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final String CHECKED_AT = DisabledAccountSessions.class.getName() + ".checkedAt";

    private final UserAccountRepository users;
    private final Clock clock;

    DisabledAccountSessions(UserAccountRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && authentication != null && authentication.getPrincipal() instanceof EvergreenUser user) {
            long now = clock.millis();
            Long checkedAt = (Long) session.getAttribute(CHECKED_AT);
            if (checkedAt == null || now - checkedAt >= RECHECK.toMillis()) {
                Boolean enabled = enabledUnlessUnreachable(user.id());
                if (Boolean.FALSE.equals(enabled)) {
                    // The request goes on signed out: the rest of the chain answers it as any other anonymous one
                    // (a page with the sign-in page, a Vaadin request in the way its client understands).
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    chain.doFilter(request, response);
                    return;
                }
                if (enabled != null) {
                    session.setAttribute(CHECKED_AT, now);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * Null when the database cannot be reached: the request goes on unchecked (the page it asks for will say the portal is
     * temporarily unavailable, in the portal's own words) and the next request checks again.
     */
    private @Nullable Boolean enabledUnlessUnreachable(long userId) {
        try {
            return users.isEnabled(userId);
        } catch (RuntimeException failure) {
            if (DatabaseOutages.isOutage(failure)) {
                return null;
            }
            throw failure;
        }
    }
}
