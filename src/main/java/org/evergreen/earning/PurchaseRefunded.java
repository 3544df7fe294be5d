package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Some or all lines of a recorded purchase were refunded and their points taken back. Published like
 * {@link PurchaseRecorded}; listeners key it by {@link #refundId}.
 *
 * @param pointsClawedBack the merchant-paid points taken back by this refund
 */
public record PurchaseRefunded(long refundId, long purchaseId, long merchantId, long memberId, Instant refundedAt, BigDecimal amount,
                               long pointsClawedBack, List<Line> lines) {

    /** A refunded line: how many units, and what the purchase recorded of each (price, green, CO₂e per unit). */
    public record Line(String sku, int quantity, BigDecimal unitPrice, boolean green, @Nullable Long co2eGrams) {
    }
}
