package org.evergreen.earning;

import java.math.BigDecimal;

/**
 * A recorded refund: the money refunded and the points clawed back from the member (whose balance may go
 * below zero when they had already spent them).
 */
public record RefundResult(long refundId, long purchaseId, BigDecimal amount, long pointsClawedBack, long availablePoints,
                           boolean replay) {
}
