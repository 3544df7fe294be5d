package org.evergreen.earning;

/**
 * A purchase earned a member points, now in their wallet; published inside the purchase's transaction, so that a
 * listener's work (a household sweep) commits or rolls back with it.
 */
public record PointsEarned(long memberId, long purchaseId, long points) {
}
