package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One movement of a member's points, with why it happened.
 *
 * @param reversedReference for a reversal or a partial clawback, the reference of the entry it takes back (a refund's
 *                          names the purchase whose points it reverses); otherwise null
 */
public record HistoryItem(long postingId, long entryId, EntryKind kind, AccountType account, long amount,
                          String reason, @Nullable String reference, @Nullable String caseReference,
                          @Nullable Long reversesEntryId, @Nullable String reversedReference, Instant createdAt) {

    /** The reference that says what the movement concerns: its own, or for a reversal the reversed entry's. */
    public @Nullable String subject() {
        return reversedReference != null ? reversedReference : reference;
    }
}
