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
 * @param regionCode       the store's district (GB/T 2260) at the time, if the store has been placed
 * @param merchantCategory the merchant's category at the time
 * @param points           all the points the purchase earned
 * @param greenPoints      of those, the points of the green rule (the green bonus)
 */
public record PurchaseRecorded(long purchaseId, long merchantId, long storeId, @Nullable String regionCode, String merchantCategory,
                               long memberId, Instant purchasedAt, BigDecimal total, long points, long greenPoints, List<Line> lines) {

    /**
     * A line as recorded: green when a published method covers it, with that method's code and the CO₂e of the whole
     * line (zero for other lines).
     */
    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice, boolean green,
                       @Nullable String greenMethod, long co2eGrams) {

        public BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }
}
