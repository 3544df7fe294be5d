package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A redemption was fulfilled and its held points captured; published inside the fulfilment's transaction.
 *
 * @param poolAccountId the household pool that paid, or null for the member's own wallet
 */
public record RedemptionFulfilled(long redemptionId, long memberId, long points, @Nullable Long poolAccountId) {
}
