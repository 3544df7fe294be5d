package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One movement of a member's points, with why it happened. */
public record HistoryItem(long postingId, long entryId, EntryKind kind, AccountType account, long amount,
                          String reason, @Nullable String reference, @Nullable String caseReference,
                          @Nullable Long reversesEntryId, Instant createdAt) {
}
