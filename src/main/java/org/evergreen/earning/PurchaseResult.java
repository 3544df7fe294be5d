package org.evergreen.earning;

import java.util.List;

/**
 * What a till is told about a recorded purchase.
 *
 * @param replay   true when this idempotency key had been used before: nothing new was posted
 * @param breakdown the points each rule produced
 */
public record PurchaseResult(long purchaseId, long pointsEarned, List<RulePoints> breakdown, long availablePoints,
                             boolean replay) {

    public record RulePoints(String rule, int version, long points) {
    }
}
