package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A reward as its merchant describes it, before the service checks it.
 *
 * @param retailValue      what the reward is worth in yuan: the value guarantee measures prices against it
 * @param cashOptionPoints with {@code cashOptionAmount}: the points + cash price (e.g. 2,000 points + 20 yuan), or null
 * @param stock            how many can be redeemed; null: unlimited
 * @param perMemberLimit   how many one member may hold or have received; null: no limit
 * @param redeemWithinDays how long a redemption waits for fulfilment before its points are released
 * @param availableFrom    null: now
 * @param availableUntil   null: until withdrawn
 */
public record RewardDraft(@Nullable RewardKind kind, String category, String nameZh, String nameEn, String descriptionZh,
                          String descriptionEn, @Nullable BigDecimal retailValue, @Nullable Long pointsPrice,
                          @Nullable Long cashOptionPoints, @Nullable BigDecimal cashOptionAmount, @Nullable Long stock,
                          @Nullable Integer perMemberLimit, @Nullable Integer redeemWithinDays, @Nullable Instant availableFrom,
                          @Nullable Instant availableUntil, boolean green) {
}
