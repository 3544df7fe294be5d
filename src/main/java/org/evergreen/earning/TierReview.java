package org.evergreen.earning;

import org.evergreen.earning.internal.PurchaseRepository;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Every night, members whose purchases of a year ago are leaving the 12-month window get their tier worked out
 * again (it may fall). Idempotent, so every node may run it.
 */
@Component
class TierReview {

    private final PurchaseRepository purchaseRows;
    private final Purchases purchases;
    private final Clock clock;

    TierReview(PurchaseRepository purchaseRows, Purchases purchases, Clock clock) {
        this.purchaseRows = purchaseRows;
        this.purchases = purchases;
        this.clock = clock;
    }

    @Scheduled(cron = "${evergreen.earning.tier-review-cron:0 20 3 * * *}", zone = "UTC")
    void reviewAgeingPurchases() {
        Instant windowStart = clock.instant().minus(Purchases.TIER_WINDOW);
        purchaseRows.membersWithPurchasesBetween(windowStart.minus(Duration.ofDays(2)), windowStart).forEach(purchases::updateTier);
    }
}
