package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded purchase as its merchant's tills see it, with the rules that produced its points. */
public record PurchaseDetails(long purchaseId, long storeId, String receiptNumber, Instant purchasedAt, BigDecimal total,
                              String currency, long pointsEarned, int ruleVersion, Tier tier, List<PurchaseResult.RulePoints> breakdown,
                              List<Line> lines) {

    /**
     * A line as recorded.
     *
     * @param green       whether a published green method covers it
     * @param greenMethod the code of that method (none on lines recorded before the registry, whose flag was the till's)
     * @param co2eGrams   the CO₂e the whole line avoids, in grams, as the platform computed it with the method's factor
     */
    public record Line(String sku, String name, String category, int quantity, BigDecimal unitPrice, boolean green,
                       @Nullable String greenMethod, @Nullable Long co2eGrams) {
    }
}
