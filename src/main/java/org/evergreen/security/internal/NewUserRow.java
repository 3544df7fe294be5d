package org.evergreen.security.internal;

import org.evergreen.security.MerchantRole;
import org.evergreen.security.Role;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A validated user, ready to be stored. */
public record NewUserRow(
        String username,
        String displayName,
        String passwordHash,
        Role role,
        @Nullable String phone,
        @Nullable String email,
        @Nullable Long merchantId,
        @Nullable MerchantRole merchantRole,
        @Nullable Instant termsAcceptedAt,
        Instant createdAt) {

    @Override
    public String toString() {
        // No hash, phone or e-mail in logs.
        return "NewUserRow[" + role + "]";
    }
}
