package org.evergreen.catalog;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;

/**
 * A reward's price: points alone, and optionally a points + cash option.
 *
 * @param campaign whether {@code points} is a campaign price for a time window
 */
public record RewardPrice(long points, @Nullable Long cashOptionPoints, @Nullable BigDecimal cashOptionAmount, boolean campaign) {

    public boolean hasCashOption() {
        return cashOptionPoints != null && cashOptionAmount != null;
    }
}
