package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

/**
 * A case as its opener states it.
 *
 * @param entryIds   the ledger entries concerned, as typed ("812, 813")
 * @param appealDays how long the member may appeal once the points are frozen (null: 15 days)
 */
public record CaseDraft(@Nullable String memberNumber, @Nullable CaseBehaviour behaviour, @Nullable String summary,
                        @Nullable String entryIds, @Nullable Long points, @Nullable Integer appealDays) {
}
