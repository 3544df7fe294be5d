package org.evergreen.ledger;

import java.time.Instant;

/**
 * The entry an operation produced.
 *
 * @param replay true when the idempotency key had been posted before and this is that first entry
 */
public record PostedEntry(long entryId, EntryKind kind, Instant createdAt, boolean replay) {
}
