package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A till's purchase was recorded and its points posted. Published in the purchase's transaction through the event
 * publication registry: listeners ({@code @ApplicationModuleListener}) receive it after the commit, again after a
 * failure or a restart until they complete, so they must be idempotent (keyed by {@link #purchaseId}).
 *
 * @param points      all the points the purchase earned
 * @param greenPoints of those, the points of the green rule (the green bonus)
 */
public record PurchaseRecorded(long purchaseId, long merchantId, long storeId, long memberId, Instant purchasedAt, BigDecimal total,
                               long points, long greenPoints, List<Line> lines) {

    /** A line as recorded; {@code co2eGrams} is per unit, as the till reported it. */
    public record Line(String sku, String category, int quantity, BigDecimal unitPrice, boolean green, @Nullable Long co2eGrams) {
    }
}
