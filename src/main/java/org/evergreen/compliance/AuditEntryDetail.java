package org.evergreen.compliance;

import org.evergreen.catalog.Redemption;
import org.evergreen.earning.PurchaseDetails;
import org.evergreen.ledger.AccountType;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An entry opened: its postings, the seal that covers it, and its origin: the purchase it was earned by (or refunded),
 * the redemption it held, captured, released or compensated, or the case it froze, released or deducted under.
 *
 * @param purchase   the purchase with its lines and rule versions, when the entry names one
 * @param redemption the redemption, its code masked, when the entry names one
 * @param caseId     the case, when the entry was made under one
 */
public record AuditEntryDetail(AuditEntry entry, List<Movement> postings, @Nullable Seal seal, @Nullable PurchaseDetails purchase,
                               @Nullable Redemption redemption, @Nullable Long caseId) {

    /** One posting: which account (its type and owner) and how many points, positive in and negative out. */
    public record Movement(AccountType accountType, long ownerId, long amount) {
    }

    public record Seal(long sealId, String sealHash, Instant sealedAt) {
    }
}
