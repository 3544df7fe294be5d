package org.evergreen.compliance;

import org.evergreen.ledger.EntryKind;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One journal entry as the audit trail lists it.
 *
 * @param points the points it moved (the sum of its positive postings)
 * @param sealId the seal that covers it, or null while it waits for the next seal
 */
public record AuditEntry(long entryId, EntryKind kind, Instant createdAt, String actor, String reason, @Nullable String reference,
                         @Nullable String caseReference, long points, @Nullable Long sealId) {
}
