package org.evergreen.earning;

import org.evergreen.member.Tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded purchase as its merchant's tills see it, with the rules that produced its points. */
public record PurchaseDetails(long purchaseId, long storeId, String receiptNumber, Instant purchasedAt, BigDecimal total,
                              String currency, long pointsEarned, int ruleVersion, Tier tier, List<PurchaseResult.RulePoints> breakdown,
                              List<PurchaseRequest.Line> lines) {
}
