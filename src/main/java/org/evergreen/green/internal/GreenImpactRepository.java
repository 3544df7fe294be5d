package org.evergreen.green.internal;

import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

/** What the green feature keeps of each purchase and its per-member monthly aggregates; called inside the listener's transaction. */
@Repository
public class GreenImpactRepository {

    private record StoredPurchase(long memberId, long merchantId, LocalDate month, BigDecimal total, BigDecimal amountLeft, long greenPoints,
                                  long greenPointsLeft) {
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public GreenImpactRepository(JdbcClient jdbc, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Adds a purchase to its member's month, once. */
    public void add(PurchaseRecorded purchase) {
        LocalDate month = LocalDate.ofInstant(purchase.purchasedAt(), zone).withDayOfMonth(1);
        try {
            jdbc.sql("""
                            INSERT INTO green_purchase (purchase_id, member_id, merchant_id, store_id, month, total, amount_left, green_points,
                                                        green_points_left)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(purchase.purchaseId(), purchase.memberId(), purchase.merchantId(), purchase.storeId(), month, purchase.total(),
                            purchase.total(), purchase.greenPoints(), purchase.greenPoints())
                    .update();
        } catch (DuplicateKeyException counted) {
            return;
        }
        BigDecimal greenSpend = BigDecimal.ZERO;
        long co2eGrams = 0;
        Map<String, MethodShare> methods = new TreeMap<>();
        for (PurchaseRecorded.Line line : purchase.lines()) {
            if (line.green() && line.greenMethod() != null) {
                greenSpend = greenSpend.add(line.amount());
                co2eGrams += line.co2eGrams();
                methods.merge(line.greenMethod(), new MethodShare(line.amount(), line.co2eGrams()), MethodShare::plus);
            }
        }
        addToMonth(purchase.memberId(), month, 1, purchase.total(), greenSpend, purchase.greenPoints(), co2eGrams);
        addToYear(purchase.memberId(), month.getYear(), purchase.merchantId(), purchase.total(), greenSpend, purchase.greenPoints(), co2eGrams,
                methods);
    }

    /** The green spend and CO₂e of one method in a purchase or refund. */
    private record MethodShare(BigDecimal greenSpend, long co2eGrams) {

        MethodShare plus(MethodShare other) {
            return new MethodShare(greenSpend.add(other.greenSpend), co2eGrams + other.co2eGrams);
        }

        MethodShare negated() {
            return new MethodShare(greenSpend.negate(), -co2eGrams);
        }
    }

    /**
     * Takes a refund's share back from the month of its purchase, once: its lines' spend and CO₂e, and of the green
     * points the share of the refunded amount (all that is left with the purchase's last refund), as the ledger takes
     * the points back. A refund of a purchase this feature never saw (recorded before it listened) changes nothing.
     */
    public void takeBack(PurchaseRefunded refund) {
        try {
            jdbc.sql("INSERT INTO green_refund (refund_id, purchase_id) VALUES (?, ?)").params(refund.refundId(), refund.purchaseId()).update();
        } catch (DuplicateKeyException counted) {
            return;
        }
        StoredPurchase purchase = jdbc.sql("""
                        SELECT member_id, merchant_id, month, total, amount_left, green_points, green_points_left
                        FROM green_purchase WHERE purchase_id = ? FOR UPDATE""")
                .param(refund.purchaseId())
                .query((rs, n) -> new StoredPurchase(rs.getLong("member_id"), rs.getLong("merchant_id"), rs.getObject("month", LocalDate.class), rs.getBigDecimal("total"),
                        rs.getBigDecimal("amount_left"), rs.getLong("green_points"), rs.getLong("green_points_left")))
                .optional().orElse(null);
        if (purchase == null) {
            return;
        }
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal greenSpend = BigDecimal.ZERO;
        long co2eGrams = 0;
        Map<String, MethodShare> methods = new TreeMap<>();
        for (PurchaseRefunded.Line line : refund.lines()) {
            amount = amount.add(line.amount());
            if (line.green() && line.greenMethod() != null) {
                greenSpend = greenSpend.add(line.amount());
                co2eGrams += line.co2eGrams();
                methods.merge(line.greenMethod(), new MethodShare(line.amount(), line.co2eGrams()).negated(), MethodShare::plus);
            }
        }
        BigDecimal amountLeft = purchase.amountLeft().subtract(amount);
        long greenPoints = amountLeft.signum() == 0 ? purchase.greenPointsLeft()
                : Math.min(purchase.greenPointsLeft(), BigDecimal.valueOf(purchase.greenPoints()).multiply(amount)
                .divide(purchase.total(), 0, RoundingMode.FLOOR).longValueExact());
        jdbc.sql("UPDATE green_purchase SET amount_left = ?, green_points_left = green_points_left - ? WHERE purchase_id = ?")
                .params(amountLeft, greenPoints, refund.purchaseId()).update();
        addToMonth(purchase.memberId(), purchase.month(), amountLeft.signum() == 0 ? -1 : 0, amount.negate(), greenSpend.negate(),
                -greenPoints, -co2eGrams);
        addToYear(purchase.memberId(), purchase.month().getYear(), purchase.merchantId(), amount.negate(), greenSpend.negate(), -greenPoints,
                -co2eGrams, methods);
    }

    private void addToYear(long memberId, int year, long merchantId, BigDecimal spend, BigDecimal greenSpend, long greenPoints,
                           long co2eGrams, Map<String, MethodShare> methods) {
        jdbc.sql("""
                        INSERT INTO green_member_year_merchant (member_id, year, merchant_id, spend, green_spend, green_points, co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE spend = spend + VALUE(spend), green_spend = green_spend + VALUE(green_spend),
                            green_points = green_points + VALUE(green_points), co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(memberId, year, merchantId, spend, greenSpend, greenPoints, co2eGrams)
                .update();
        // Methods in a fixed order, so that two deliveries for one member never lock their rows in opposite orders.
        for (Map.Entry<String, MethodShare> method : methods.entrySet()) {
            jdbc.sql("""
                            INSERT INTO green_member_year_method (member_id, year, method_code, green_spend, co2e_grams) VALUES (?, ?, ?, ?, ?)
                            ON DUPLICATE KEY UPDATE green_spend = green_spend + VALUE(green_spend), co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                    .params(memberId, year, method.getKey(), method.getValue().greenSpend(), method.getValue().co2eGrams())
                    .update();
        }
    }

    private void addToMonth(long memberId, LocalDate month, int purchases, BigDecimal spend, BigDecimal greenSpend, long greenPoints,
                            long co2eGrams) {
        jdbc.sql("""
                        INSERT INTO green_member_month (member_id, month, purchases, spend, green_spend, green_points, co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE purchases = purchases + VALUE(purchases), spend = spend + VALUE(spend),
                            green_spend = green_spend + VALUE(green_spend), green_points = green_points + VALUE(green_points),
                            co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(memberId, month, purchases, spend, greenSpend, greenPoints, co2eGrams)
                .update();
    }
}
