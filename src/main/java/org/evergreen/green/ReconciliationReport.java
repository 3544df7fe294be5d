package org.evergreen.green;

import java.time.Instant;
import java.util.List;

/**
 * A check of the members' monthly green aggregates against the purchase records.
 *
 * @param compared    member-months compared
 * @param mismatches  member-months that differ
 * @param differences the first differing member-months, in words, with both figures
 */
public record ReconciliationReport(Instant ranAt, long compared, long mismatches, List<String> differences) {

    /** At most this many differences are kept in words. */
    public static final int DIFFERENCES_KEPT = 100;
}
