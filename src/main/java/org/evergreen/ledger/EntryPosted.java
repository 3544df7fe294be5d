package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A journal entry was posted: what the ledger tells the features that follow it (compliance, notifications,
 * settlement) without their reading its tables. Published in the posting's transaction through the event publication
 * registry, so a listener gets it after the commit, and again after a failure or a restart; listeners key it by
 * {@link #entryId}. A replay of an earlier entry is not posted again and publishes nothing.
 *
 * @param reference what the entry is about, as {@code purchase:42} or {@code hold:7}; null for none
 */
public record EntryPosted(long entryId, EntryKind kind, @Nullable String reference, Instant createdAt,
                          List<Leg> legs) {

    /** One posting with its account's type and owner: points into (positive) or out of (negative) the account. */
    public record Leg(long accountId, AccountType accountType, long ownerId, long amount) {
    }
}
