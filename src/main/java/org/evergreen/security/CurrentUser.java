package org.evergreen.security;

import org.evergreen.security.internal.UserAccountRepository;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Who is calling. Services ask this, never an id handed in by the UI or a URL. */
@Component
public class CurrentUser {

    private final UserAccountRepository users;

    CurrentUser(UserAccountRepository users) {
        this.users = users;
    }

    public Optional<EvergreenUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof EvergreenUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public EvergreenUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    /** The caller, who must have the given role. */
    public EvergreenUser require(Role role) {
        EvergreenUser user = require();
        if (user.role() != role) {
            throw new AccessDeniedException("Role " + role + " required");
        }
        return user;
    }

    /** The merchant that the signed-in merchant staff works for. */
    public long merchantId() {
        Long merchantId = require(Role.MERCHANT).merchantId();
        if (merchantId == null) {
            throw new AccessDeniedException("Merchant staff without a merchant");
        }
        return merchantId;
    }

    /**
     * The districts the signed-in regulator is limited to, read afresh (an admin's change applies at once); empty for
     * everyone else and for a regulator of the whole coalition.
     */
    public Optional<Set<String>> supervisedRegions() {
        return get().filter(user -> user.role() == Role.REGULATOR).map(user -> users.supervisedRegions(user.id()))
                .filter(regions -> !regions.isEmpty());
    }
}
