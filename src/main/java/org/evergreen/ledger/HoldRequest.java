package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * Points to hold from a member wallet or household pool until captured or released.
 *
 * @param expiresAt when an unresolved hold is released automatically; null: never
 */
public record HoldRequest(long sourceAccountId, long amount, String origin, String idempotencyKey, String actor,
                          String reason, @Nullable String reference, @Nullable Instant expiresAt) {
}
