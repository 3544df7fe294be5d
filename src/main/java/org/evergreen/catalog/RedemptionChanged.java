package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A redemption was made (PENDING: its points held), fulfilled (captured) or cancelled or ran out (released);
 * published inside the transaction that did it, so that a listener's work commits with it.
 *
 * @param poolAccountId the household pool that pays, or null for the member's own wallet
 */
public record RedemptionChanged(long redemptionId, long memberId, long points, @Nullable Long poolAccountId, RedemptionStatus status) {
}
