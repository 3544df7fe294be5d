package org.evergreen.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The signed-in person as Spring Security sees them. Kept in the HTTP session; Spring Security erases the
 * password hash once authentication succeeded.
 */
public final class EvergreenUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private final Role role;
    private final @Nullable Long merchantId;
    private final @Nullable MerchantRole merchantRole;
    private final boolean enabled;
    private final @Nullable Instant lockedUntil;
    private @Nullable String passwordHash;

    public EvergreenUser(long id, String username, String displayName, String passwordHash, Role role,
                         @Nullable Long merchantId, @Nullable MerchantRole merchantRole, boolean enabled,
                         @Nullable Instant lockedUntil) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.merchantId = merchantId;
        this.merchantRole = merchantRole;
        this.enabled = enabled;
        this.lockedUntil = lockedUntil;
    }

    public long id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    /** The merchant a MERCHANT user works for; null for every other role. */
    public @Nullable Long merchantId() {
        return merchantId;
    }

    /** OWNER or CASHIER for merchant staff; null for every other role. */
    public @Nullable MerchantRole merchantRole() {
        return merchantRole;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return merchantRole == MerchantRole.OWNER
                ? List.of(new SimpleGrantedAuthority(role.authority()), new SimpleGrantedAuthority("ROLE_" + Roles.MERCHANT_OWNER))
                : List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return lockedUntil == null || lockedUntil.isBefore(Instant.now());
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EvergreenUser user && user.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        // Never print the hash or personal data into logs.
        return "EvergreenUser[id=" + id + ", role=" + role + "]";
    }
}
