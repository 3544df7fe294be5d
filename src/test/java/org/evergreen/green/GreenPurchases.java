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
public final class GreenPurchases {

    private final CatalogFixtures fixtures;
    private final Purchases purchases;
    private final Refunds refunds;
    private final JdbcClient jdbc;

    public GreenPurchases(ApplicationContext context) {
        this.fixtures = new CatalogFixtures(context);
        this.purchases = context.getBean(Purchases.class);
        this.refunds = context.getBean(Refunds.class);
        this.jdbc = context.getBean(JdbcClient.class);
    }

    public long newMember() {
        return newMemberWithLogin().id();
    }

    public CatalogFixtures.TestMember newMemberWithLogin() {
        return fixtures.member(0);
    }

    /** A purchase of these lines at the demo till, now. */
    public PurchaseResult buy(long memberId, PurchaseRequest.Line... lines) {
        BigDecimal total = java.util.Arrays.stream(lines).map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        PurchaseRequest request = new PurchaseRequest(fixtures.memberNumber(memberId), null, null, "G-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now(), "CNY", total, List.of(lines));
        return fixtures.asDemoTill(till -> purchases.record(till, request, UUID.randomUUID().toString()));
    }

    /**
     * Two LED bulbs at ¥30.00 and a tea at ¥11.00. The bulbs fall under the standard LED lighting method (17,679 g CO₂e
     * each); the tea is not green, though the till says it is and sends a figure.
     */
    public PurchaseResult buyBulbsAndTea(long memberId) {
        PurchaseRequest request = new PurchaseRequest(fixtures.memberNumber(memberId), null, null, "G-" + UUID.randomUUID().toString().substring(0, 8),
                Instant.now(), "CNY", new BigDecimal("71.00"), List.of(
                new PurchaseRequest.Line("LED-9W", "LED 灯泡", "LED-Lighting", 2, new BigDecimal("30.00"), false, null),
                new PurchaseRequest.Line("TEA", "绿茶", "drinks", 1, new BigDecimal("11.00"), true, 1_500L)));
        return fixtures.asDemoTill(till -> purchases.record(till, request, UUID.randomUUID().toString()));
    }

    RefundResult refundOneBulb(long purchaseId) {
        return fixtures.asDemoTill(till -> refunds.refund(till, purchaseId, new RefundRequest(false, List.of(new RefundRequest.Line("LED-9W", 1))),
                UUID.randomUUID().toString()));
    }

    /** The member's green month as the aggregates have it: purchases, spend, green spend, green points, CO₂e in grams. */
    public Map<String, Object> month(long memberId) {
        return jdbc.sql("SELECT purchases, spend, green_spend, green_points, co2e_grams FROM green_member_month WHERE member_id = ?")
                .param(memberId).query().singleRow();
    }

    /** The member's green spend and CO₂e by method, this year. */
    Map<String, Object> methods(long memberId) {
        Map<String, Object> methods = new java.util.TreeMap<>();
        jdbc.sql("SELECT method_code, green_spend, co2e_grams FROM green_member_year_method WHERE member_id = ?").param(memberId)
                .query(rs -> {
                    methods.put(rs.getString("method_code"), rs.getBigDecimal("green_spend").toPlainString() + " / " + rs.getLong("co2e_grams"));
                });
        return methods;
    }

    /** The member's spend, green spend, green points and CO₂e by merchant, this year. */
    Map<String, Object> merchantYear(long memberId) {
        return jdbc.sql("SELECT spend, green_spend, green_points, co2e_grams FROM green_member_year_merchant WHERE member_id = ?")
                .param(memberId).query().singleRow();
    }

    /** What the member spent, net of refunds, as the aggregates have it so far: all months together. */
    public BigDecimal spend(long memberId) {
        return jdbc.sql("SELECT COALESCE(SUM(spend), 0) FROM green_member_month WHERE member_id = ?").param(memberId)
                .query(BigDecimal.class).single();
    }

    public boolean hasMonth(long memberId) {
        return jdbc.sql("SELECT COUNT(*) FROM green_member_month WHERE member_id = ?").param(memberId).query(Long.class).single() > 0;
    }

    /** The listeners run after the commit, on threads of their own: waits (at most 30 s) for what they do to show. */
    public static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s for the green listener").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
