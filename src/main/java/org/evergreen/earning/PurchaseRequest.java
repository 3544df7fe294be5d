package org.evergreen.earning;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A purchase as a till reports it. Amounts are yuan (CNY) with at most two decimals. */
public record PurchaseRequest(String memberNumber, String receiptNumber, Instant purchasedAt, String currency,
                              BigDecimal total, List<Line> lines) {

    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice, boolean green) {
    }
}
