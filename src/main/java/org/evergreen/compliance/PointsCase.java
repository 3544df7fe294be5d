package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * A case against a member's points.
 *
 * @param merchantId  the merchant that opened it, for its own purchases; null when the platform did
 * @param appealUntil until when the member may appeal (set when the points are frozen)
 * @param decideBy    when an undecided freeze releases itself
 */
public record PointsCase(long id, String reference, long memberId, @Nullable Long merchantId, CaseBehaviour behaviour, String summary,
                         List<Long> entryIds, long points, int appealDays, CaseStatus status, long openedBy, Instant openedAt,
                         @Nullable Long frozenBy, @Nullable Instant frozenAt, @Nullable Instant appealUntil, @Nullable Instant decideBy,
                         @Nullable Long decidedBy, @Nullable Instant decidedAt, @Nullable String decisionReason,
                         @Nullable Long deductedPoints) {
}
