package org.evergreen.member;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rolling 12-month qualifying spend, in yuan, from which a member is silver or gold.
 *
 * @param setAt when an admin set them; null for the platform's defaults, never changed by anyone
 */
public record TierThresholds(BigDecimal silverSpend, BigDecimal goldSpend, @Nullable Instant setAt) {

    public Tier tierFor(BigDecimal qualifyingSpend) {
        if (qualifyingSpend.compareTo(goldSpend) >= 0) {
            return Tier.GOLD;
        }
        return qualifyingSpend.compareTo(silverSpend) >= 0 ? Tier.SILVER : Tier.ORDINARY;
    }
}
