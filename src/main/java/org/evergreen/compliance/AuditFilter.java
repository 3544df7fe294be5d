package org.evergreen.compliance;

import org.evergreen.ledger.EntryKind;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What a regulator or admin narrows the audit trail to; nulls mean "any".
 *
 * @param memberNumber entries that moved this member's points (wallet, held or frozen)
 * @param merchantId   entries that moved this merchant's points (issued or redeemed)
 * @param regionCode   entries that moved the points of a merchant with a store in this district
 * @param from         entries created at or after
 * @param to           entries created before
 * @param minPoints    entries moving at least this many points
 * @param maxPoints    entries moving at most this many points
 */
public record AuditFilter(@Nullable String memberNumber, @Nullable Long merchantId, @Nullable String regionCode, @Nullable EntryKind kind,
                          @Nullable Instant from, @Nullable Instant to, @Nullable Long minPoints, @Nullable Long maxPoints) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null, null);
}
