package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A two-phase spend and where it stands. */
public record Hold(long id, long holdEntryId, long sourceAccountId, long heldAccountId, long amount, HoldStatus status,
                   @Nullable Instant expiresAt, @Nullable Long resolvedEntryId) {
}
