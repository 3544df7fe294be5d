package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A till API key as its merchant's owners see it: never the secret, only its first characters. */
public record TillKey(long id, long storeId, String storeName, String prefix, String label, Instant createdAt,
                      @Nullable Instant lastUsedAt, @Nullable Instant revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
