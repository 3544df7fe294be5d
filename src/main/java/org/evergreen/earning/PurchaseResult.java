package org.evergreen.earning;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Locale;

/**
 * What a till is told about a recorded purchase.
 *
 * @param replay    true when this idempotency key had been used before: nothing new was posted
 * @param breakdown the points each rule produced
 */
public record PurchaseResult(long purchaseId, long pointsEarned, List<RulePoints> breakdown, long availablePoints,
                             boolean replay) {

    /**
     * @param rule     {@code base}, {@code category}, {@code unit}, {@code tier}, {@code combo}, {@code green}, {@code campaign} or {@code cap}
     * @param detail   what it applied to (a category, a pair of categories, a tier, a campaign kind, the cap's percent)
     * @param version  the merchant's rule version it came from
     * @param campaign the campaign it came from
     */
    public record RulePoints(String rule, String detail, @Nullable Integer version, @Nullable Long campaign, long points) {

        public static RulePoints of(RuleLine line) {
            return new RulePoints(line.rule().name().toLowerCase(Locale.ROOT), line.detail(), line.ruleSetVersion(),
                    line.campaignId(), line.points());
        }
    }
}
