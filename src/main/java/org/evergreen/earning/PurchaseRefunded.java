package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Some or all lines of a recorded purchase were refunded and their points taken back. Published like
 * {@link PurchaseRecorded}; listeners key it by {@link #refundId}.
 *
 * @param pointsClawedBack        the merchant-paid points taken back by this refund
 * @param platformPointsReversed the platform's bonus points reversed with the purchase's last refund (zero otherwise)
 */
public record PurchaseRefunded(long refundId, long purchaseId, long merchantId, long memberId, Instant refundedAt, BigDecimal amount,
                               long pointsClawedBack, long platformPointsReversed, List<Line> lines) {

    /**
     * A refunded line: how many units, their price, whether the purchase found them green and under which method, and the
     * CO₂e of these units that the purchase counted (the line's last refund takes back all that is left of it).
     */
    public record Line(String sku, int quantity, BigDecimal unitPrice, boolean green, @Nullable String greenMethod, long co2eGrams) {

        public BigDecimal amount() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity));
        }
    }
}
