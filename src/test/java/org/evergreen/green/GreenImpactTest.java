package org.evergreen.green;

import org.evergreen.EvergreenTest;
import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.RefundResult;
import org.evergreen.green.internal.GreenImpactRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The green aggregates follow the purchase events: a purchase adds its spend, green spend, green points and CO₂e to its
 * member's month, year, method and merchant, a refund takes its lines' share back, and an event delivered twice counts
 * once. Figures by hand: 2 × ¥30.00 LED bulbs (the standard LED lighting method, 17,679 g each) + ¥11.00 tea (not green).
 */
@EvergreenTest
class GreenImpactTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    GreenImpactRepository impact;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    private GreenPurchases green;

    @BeforeEach
    void fixtures() {
        green = new GreenPurchases(context);
    }

    @Test
    void aPurchaseAddsToItsMembersMonthAndARefundTakesItsLinesShareBack() throws Exception {
        long member = green.newMember();
        PurchaseResult purchase = green.buyBulbsAndTea(member);
        long greenPoints = greenPointsOf(purchase);
        assertThat(greenPoints).as("the demo store's green bonus, 1 point per yuan of green products").isEqualTo(60);

        GreenPurchases.await(() -> green.hasMonth(member));
        assertThat(green.month(member)).containsExactlyInAnyOrderEntriesOf(Map.of("purchases", 1, "spend", new BigDecimal("71.00"),
                "green_spend", new BigDecimal("60.00"), "green_points", 60L, "co2e_grams", 35_358L));
        assertThat(green.methods(member)).containsExactlyEntriesOf(Map.of("led-lighting", "60.00 / 35358"));
        assertThat(green.merchantYear(member)).containsExactlyInAnyOrderEntriesOf(Map.of("spend", new BigDecimal("71.00"),
                "green_spend", new BigDecimal("60.00"), "green_points", 60L, "co2e_grams", 35_358L));

        RefundResult refund = green.refundOneBulb(purchase.purchaseId());
        assertThat(refund.amount()).isEqualByComparingTo("30.00");
        GreenPurchases.await(() -> green.spend(member).compareTo(new BigDecimal("41.00")) == 0);
        // Of 60 green points, the share of ¥30.00 of ¥71.00, rounded down: 25.
        assertThat(green.month(member)).containsExactlyInAnyOrderEntriesOf(Map.of("purchases", 1, "spend", new BigDecimal("41.00"),
                "green_spend", new BigDecimal("30.00"), "green_points", 35L, "co2e_grams", 17_679L));
        assertThat(green.methods(member)).containsExactlyEntriesOf(Map.of("led-lighting", "30.00 / 17679"));
        assertThat(green.merchantYear(member)).containsExactlyInAnyOrderEntriesOf(Map.of("spend", new BigDecimal("41.00"),
                "green_spend", new BigDecimal("30.00"), "green_points", 35L, "co2e_grams", 17_679L));
    }

    @Test
    void anEventDeliveredAgainCountsOnce() throws Exception {
        long member = green.newMember();
        PurchaseResult purchase = green.buyBulbsAndTea(member);
        GreenPurchases.await(() -> green.hasMonth(member));
        long merchant = jdbc.sql("SELECT merchant_id FROM green_purchase WHERE purchase_id = ?").param(purchase.purchaseId()).query(Long.class).single();
        long store = jdbc.sql("SELECT store_id FROM green_purchase WHERE purchase_id = ?").param(purchase.purchaseId()).query(Long.class).single();
        PurchaseRecorded again = new PurchaseRecorded(purchase.purchaseId(), merchant, store, "310115", "CONVENIENCE_STORE", member, Instant.now(), new BigDecimal("71.00"),
                purchase.pointsEarned(), 60, List.of(new PurchaseRecorded.Line("LED-9W", "LED 灯泡", "led-lighting", 2, new BigDecimal("30.00"), true, "led-lighting",
                        35_358L)));
        Map<String, Object> once = green.month(member);

        transactions.executeWithoutResult(status -> impact.add(again));
        assertThat(green.month(member)).isEqualTo(once);

        RefundResult refund = green.refundOneBulb(purchase.purchaseId());
        GreenPurchases.await(() -> green.spend(member).compareTo(new BigDecimal("41.00")) == 0);
        Map<String, Object> refundedOnce = green.month(member);
        transactions.executeWithoutResult(status -> impact.takeBack(new PurchaseRefunded(refund.refundId(), purchase.purchaseId(), merchant, member,
                Instant.now(), refund.amount(), refund.pointsClawedBack(), 0, List.of(new PurchaseRefunded.Line("LED-9W", 1, new BigDecimal("30.00"), true,
                "led-lighting", 17_679L)))));
        assertThat(green.month(member)).isEqualTo(refundedOnce);
        assertThat(green.methods(member)).containsExactlyEntriesOf(Map.of("led-lighting", "30.00 / 17679"));
    }

    private static long greenPointsOf(PurchaseResult purchase) {
        return purchase.breakdown().stream().filter(rule -> rule.rule().equals("green")).mapToLong(PurchaseResult.RulePoints::points).sum();
    }
}
