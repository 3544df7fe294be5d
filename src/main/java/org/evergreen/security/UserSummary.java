package org.evergreen.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A row of the admin's user list. */
public record UserSummary(
        long id,
        String username,
        String displayName,
        Role role,
        @Nullable Long merchantId,
        @Nullable MerchantRole merchantRole,
        boolean enabled,
        @Nullable Instant lockedUntil,
        Instant createdAt) {

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
