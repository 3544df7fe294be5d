package org.evergreen.earning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded purchase as its merchant's tills see it. */
public record PurchaseDetails(long purchaseId, long storeId, String receiptNumber, Instant purchasedAt, BigDecimal total,
                              String currency, long pointsEarned, int ruleVersion, List<PurchaseRequest.Line> lines) {
}
