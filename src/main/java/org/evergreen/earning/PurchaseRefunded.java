package org.evergreen.earning;

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

    public record Line(String sku, int quantity) {
    }
}
