package org.evergreen.earning;

import org.evergreen.merchant.PublicMerchant;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A purchase as the member who made it sees it: where, what, the points it earned under which rule, and every refund
 * of it with the points each took back.
 */
public record MemberPurchase(PublicMerchant merchant, PurchaseDetails details, List<Refund> refunds) {

    /** A refund of some or all of the purchase: when, how much money came back, and the points that went with it. */
    public record Refund(Instant refundedAt, BigDecimal amount, long points, List<Line> lines) {
    }

    /** A refunded line: which product and how many. */
    public record Line(String sku, int quantity) {
    }
}
