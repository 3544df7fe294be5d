package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The platform's limit on bonuses: the bonus points of one purchase are worth at most {@code bonusCapPercent}
 * of what was paid, a point being worth {@code yuanPerPoint}.
 *
 * @param yuanPerPoint  the point's published value (the catalog's, announced with notice) at the time it applies to
 * @param effectiveFrom when an admin set the cap; null for the platform's defaults
 */
public record EarningPolicy(BigDecimal bonusCapPercent, BigDecimal yuanPerPoint, @Nullable Instant effectiveFrom) {

    public long maxBonusPoints(BigDecimal purchaseTotal) {
        return purchaseTotal.multiply(bonusCapPercent).divide(yuanPerPoint.multiply(BigDecimal.valueOf(100)), 0, RoundingMode.FLOOR)
                .longValueExact();
    }
}
