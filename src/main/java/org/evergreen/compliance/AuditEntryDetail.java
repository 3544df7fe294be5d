package org.evergreen.compliance;

import org.evergreen.earning.PurchaseDetails;
import org.evergreen.ledger.AccountType;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * An entry opened: its postings, the seal that covers it, and for a purchase's earn, the purchase it was earned by.
 *
 * @param purchase the purchase with its lines and rule versions, when the entry names one
 */
public record AuditEntryDetail(AuditEntry entry, List<Movement> postings, @Nullable Seal seal, @Nullable PurchaseDetails purchase) {

    /** One posting: which account (its type and owner) and how many points, positive in and negative out. */
    public record Movement(AccountType accountType, long ownerId, long amount) {
    }

    public record Seal(long sealId, String sealHash, Instant sealedAt) {
    }
}
