package org.evergreen.green;

import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RefundRequest;
import org.evergreen.earning.RefundResult;
import org.evergreen.earning.Refunds;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Purchases and refunds at the demo till for the green tests, and the green aggregates they lead to. */
final class GreenPurchases {

    private final CatalogFixtures fixtures;
    private final Purchases purchases;
    private final Refunds refunds;
    private final JdbcClient jdbc;

    GreenPurchases(ApplicationContext context) {
        this.fixtures = new CatalogFixtures(context);
        this.purchases = context.getBean(Purchases.class);
        this.refunds = context.getBean(Refunds.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    long newMember() {
        return fixtures.member(0).id();
    }

    /** Two LED bulbs (green, 1,500 g CO₂e each) at ¥30.00 and a tea at ¥11.00. */
    PurchaseResult buyBulbsAndTea(long memberId) {
        PurchaseRequest request = new PurchaseRequest(fixtures.memberNumber(memberId), null, null, "G-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now(), "CNY", new BigDecimal("71.00"), List.of(
                new PurchaseRequest.Line("LED-9W", "LED 灯泡", "lighting", 2, new BigDecimal("30.00"), true, 1_500L),
                new PurchaseRequest.Line("TEA", "绿茶", "drinks", 1, new BigDecimal("11.00"), false, null)));
        return fixtures.asDemoTill(till -> purchases.record(till, request, UUID.randomUUID().toString()));
    }

    RefundResult refundOneBulb(long purchaseId) {
        return fixtures.asDemoTill(till -> refunds.refund(till, purchaseId, new RefundRequest(false, List.of(new RefundRequest.Line("LED-9W", 1))),
                UUID.randomUUID().toString()));
    }

    /** The member's green month as the aggregates have it: purchases, spend, green spend, green points, CO₂e in grams. */
    Map<String, Object> month(long memberId) {
        return jdbc.sql("SELECT purchases, spend, green_spend, green_points, co2e_grams FROM green_member_month WHERE member_id = ?")
                .param(memberId).query().singleRow();
    }

    boolean hasMonth(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM green_member_month WHERE member_id = ?").param(memberId).query(Long.class).single() > 0;
    }

    /** The listeners run after the commit, on threads of their own: waits (at most 30 s) for what they do to show. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the green listener").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
