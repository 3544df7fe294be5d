package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** Narrows a member's history: by kind, and to a time range [from, to). Nulls mean "any". */
public record HistoryFilter(@Nullable EntryKind kind, @Nullable Instant from, @Nullable Instant to) {

    public static final HistoryFilter ALL = new HistoryFilter(null, null, null);
}
