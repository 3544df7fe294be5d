package org.evergreen.green.internal;

import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.evergreen.merchant.Region;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the green feature keeps of each purchase, and the aggregates the reports read: the member's months, years by
 * method and by merchant; the merchant's store days, store methods by month and green products by month; the
 * districts' months by merchant category and their counted active members. Called inside the listener's transaction;
 * a purchase adds its figures, a refund adds the negative of its lines' share.
 */
@Repository
public class GreenImpactRepository {

    private record StoredPurchase(long memberId, long merchantId, long storeId, @Nullable String regionCode, @Nullable String merchantCategory,
                                  LocalDate month, @Nullable LocalDate day, BigDecimal total, BigDecimal amountLeft, long greenPoints,
                                  long greenPointsLeft) {
    }

    /** One green line's share, signed: units, spend and CO₂e. */
    private record GreenLine(String sku, String name, String methodCode, long units, BigDecimal greenSpend, long co2eGrams) {
    }

    /** What a purchase or refund adds to the aggregates (negative for a refund). */
    private record Change(long memberId, long merchantId, long storeId, @Nullable String regionCode, @Nullable String merchantCategory,
                          LocalDate month, @Nullable LocalDate day, int purchases, BigDecimal spend, long points, long greenPoints,
                          List<GreenLine> greenLines) {

        BigDecimal greenSpend() {
            return greenLines.stream().map(GreenLine::greenSpend).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        long co2eGrams() {
            return greenLines.stream().mapToLong(GreenLine::co2eGrams).sum();
        }
    }

    private final JdbcClient jdbc;
    private final ZoneId zone;

    public GreenImpactRepository(JdbcClient jdbc, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** Adds a purchase to every aggregate, once. */
    public void add(PurchaseRecorded purchase) {
        LocalDate day = LocalDate.ofInstant(purchase.purchasedAt(), zone);
        LocalDate month = day.withDayOfMonth(1);
        String region = purchase.regionCode() == null ? Region.UNPLACED : purchase.regionCode();
        try {
            jdbc.sql("""
                            INSERT INTO green_purchase (purchase_id, member_id, merchant_id, store_id, region_code, merchant_category, month,
                                                        purchased_on, total, amount_left, green_points, green_points_left)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(purchase.purchaseId(), purchase.memberId(), purchase.merchantId(), purchase.storeId(), region,
                            purchase.merchantCategory(), month, day, purchase.total(), purchase.total(), purchase.greenPoints(),
                            purchase.greenPoints())
                    .update();
        } catch (DuplicateKeyException counted) {
            return;
        }
        List<GreenLine> green = new ArrayList<>();
        for (PurchaseRecorded.Line line : purchase.lines()) {
            if (line.green() && line.greenMethod() != null) {
                green.add(new GreenLine(line.sku(), line.name(), line.greenMethod(), line.quantity(), line.amount(), line.co2eGrams()));
            }
        }
        apply(new Change(purchase.memberId(), purchase.merchantId(), purchase.storeId(), region, purchase.merchantCategory(),
                month, day, 1, purchase.total(), purchase.points(), purchase.greenPoints(), green));
    }

    /**
     * Takes a refund's share back from where its purchase counted, once: its lines' spend and CO₂e, and of the green
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
                        SELECT member_id, merchant_id, store_id, region_code, merchant_category, month, purchased_on, total, amount_left,
                               green_points, green_points_left
                        FROM green_purchase WHERE purchase_id = ? FOR UPDATE""")
                .param(refund.purchaseId())
                .query((rs, n) -> new StoredPurchase(rs.getLong("member_id"), rs.getLong("merchant_id"), rs.getLong("store_id"),
                        rs.getString("region_code"), rs.getString("merchant_category"), rs.getObject("month", LocalDate.class), rs.getObject("purchased_on", LocalDate.class), rs.getBigDecimal("total"),
                        rs.getBigDecimal("amount_left"), rs.getLong("green_points"), rs.getLong("green_points_left")))
                .optional().orElse(null);
        if (purchase == null) {
            return;
        }
        BigDecimal amount = BigDecimal.ZERO;
        List<GreenLine> green = new ArrayList<>();
        // A purchase counted before the methods (no day kept) took its green part from the till's flag: so does its refund.
        boolean countedByTillFlag = purchase.day() == null;
        for (PurchaseRefunded.Line line : refund.lines()) {
            amount = amount.add(line.amount());
            if (line.green() && (line.greenMethod() != null || countedByTillFlag)) {
                green.add(new GreenLine(line.sku(), "", line.greenMethod(), -line.quantity(), line.amount().negate(), -line.co2eGrams()));
            }
        }
        BigDecimal amountLeft = purchase.amountLeft().subtract(amount);
        long greenPoints = amountLeft.signum() == 0 ? purchase.greenPointsLeft()
                : Math.min(purchase.greenPointsLeft(), BigDecimal.valueOf(purchase.greenPoints()).multiply(amount)
                .divide(purchase.total(), 0, RoundingMode.FLOOR).longValueExact());
        jdbc.sql("UPDATE green_purchase SET amount_left = ?, green_points_left = green_points_left - ? WHERE purchase_id = ?")
                .params(amountLeft, greenPoints, refund.purchaseId()).update();
        apply(new Change(purchase.memberId(), purchase.merchantId(), purchase.storeId(), purchase.regionCode(), purchase.merchantCategory(),
                purchase.month(), purchase.day(), amountLeft.signum() == 0 ? -1 : 0, amount.negate(), -refund.pointsClawedBack() - refund.platformPointsReversed(), -greenPoints,
                green));
    }

    /**
     * Adds a change to every aggregate. Rows are written in a fixed order (tables, then keys sorted), so that two
     * deliveries touching the same rows never lock them in opposite orders.
     */
    private void apply(Change change) {
        int year = change.month().getYear();
        jdbc.sql("""
                        INSERT INTO green_member_month (member_id, month, purchases, spend, green_spend, green_points, co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE purchases = purchases + VALUE(purchases), spend = spend + VALUE(spend),
                            green_spend = green_spend + VALUE(green_spend), green_points = green_points + VALUE(green_points),
                            co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(change.memberId(), change.month(), change.purchases(), change.spend(), change.greenSpend(), change.greenPoints(),
                        change.co2eGrams())
                .update();
        if (change.day() == null) {
            // A purchase counted before the methods, stores' days and districts were kept: only its member's month has it.
            return;
        }
        jdbc.sql("""
                        INSERT INTO green_member_year_merchant (member_id, year, merchant_id, spend, green_spend, green_points, co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE spend = spend + VALUE(spend), green_spend = green_spend + VALUE(green_spend),
                            green_points = green_points + VALUE(green_points), co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(change.memberId(), year, change.merchantId(), change.spend(), change.greenSpend(), change.greenPoints(),
                        change.co2eGrams())
                .update();
        Map<String, List<GreenLine>> byMethod = new TreeMap<>();
        change.greenLines().forEach(line -> byMethod.computeIfAbsent(line.methodCode(), code -> new ArrayList<>()).add(line));
        if (!byMethod.isEmpty()) {
            List<Object> values = new ArrayList<>();
            byMethod.forEach((method, lines) -> values.addAll(List.of(change.memberId(), year, method, sum(lines), co2e(lines))));
            jdbc.sql("INSERT INTO green_member_year_method (member_id, year, method_code, green_spend, co2e_grams) VALUES " + rows(byMethod.size(), 5)
                            + " ON DUPLICATE KEY UPDATE green_spend = green_spend + VALUE(green_spend), co2e_grams = co2e_grams + VALUE(co2e_grams)")
                    .params(values).update();
        }
        jdbc.sql("""
                        INSERT INTO green_store_day (merchant_id, store_id, day, purchases, spend, green_spend, green_points, co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE purchases = purchases + VALUE(purchases), spend = spend + VALUE(spend),
                            green_spend = green_spend + VALUE(green_spend), green_points = green_points + VALUE(green_points),
                            co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(change.merchantId(), change.storeId(), change.day(), change.purchases(), change.spend(), change.greenSpend(),
                        change.greenPoints(), change.co2eGrams())
                .update();
        if (!byMethod.isEmpty()) {
            List<Object> values = new ArrayList<>();
            byMethod.forEach((method, lines) -> values.addAll(List.of(change.merchantId(), change.storeId(), change.month(), method,
                    lines.stream().mapToLong(GreenLine::units).sum(), sum(lines), co2e(lines))));
            jdbc.sql("INSERT INTO green_store_method_month (merchant_id, store_id, month, method_code, units, green_spend, co2e_grams) VALUES "
                            + rows(byMethod.size(), 7) + " ON DUPLICATE KEY UPDATE units = units + VALUE(units),"
                            + " green_spend = green_spend + VALUE(green_spend), co2e_grams = co2e_grams + VALUE(co2e_grams)")
                    .params(values).update();
            // A refund's line has no name: the product keeps the one its purchase gave it.
            List<GreenLine> products = change.greenLines().stream().sorted(Comparator.comparing(GreenLine::sku)).toList();
            List<Object> productValues = new ArrayList<>();
            products.forEach(line -> productValues.addAll(List.of(change.merchantId(), change.month(), line.sku(), line.methodCode(), line.name(),
                    line.units(), line.greenSpend(), line.co2eGrams())));
            jdbc.sql("INSERT INTO green_product_month (merchant_id, month, sku, method_code, name, units, green_spend, co2e_grams) VALUES "
                            + rows(products.size(), 8) + " ON DUPLICATE KEY UPDATE units = units + VALUE(units),"
                            + " green_spend = green_spend + VALUE(green_spend), co2e_grams = co2e_grams + VALUE(co2e_grams),"
                            + " name = IF(VALUE(name) = '', name, VALUE(name))")
                    .params(productValues).update();
        }
        // The district's rows last: the platform's month of active members is one row every first purchase of a month takes.
        applyToRegion(change);
    }

    /** {@code (?, ?, …), (?, ?, …)…}: placeholders for a multi-row insert. */
    private static String rows(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /**
     * A district's month by merchant category, and for a purchase the member among the active members of the district's
     * month and of the platform's: their first purchase there that month counts them once.
     */
    private void applyToRegion(Change change) {
        if (change.regionCode() == null || change.merchantCategory() == null) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO green_region_month (region_code, month, merchant_category, purchases, spend, green_spend, points, green_points,
                                                        co2e_grams)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON DUPLICATE KEY UPDATE purchases = purchases + VALUE(purchases), spend = spend + VALUE(spend),
                            green_spend = green_spend + VALUE(green_spend), points = points + VALUE(points),
                            green_points = green_points + VALUE(green_points), co2e_grams = co2e_grams + VALUE(co2e_grams)""")
                .params(change.regionCode(), change.month(), change.merchantCategory(), change.purchases(), change.spend(), change.greenSpend(),
                        change.points(), change.greenPoints(), change.co2eGrams())
                .update();
        if (change.purchases() <= 0) {
            return;
        }
        if (firstOf("INSERT INTO green_region_member_month (region_code, month, member_id) VALUES (?, ?, ?)", change.regionCode(),
                change.month(), change.memberId())) {
            jdbc.sql("""
                            INSERT INTO green_region_active (region_code, month, members) VALUES (?, ?, 1)
                            ON DUPLICATE KEY UPDATE members = members + 1""")
                    .params(change.regionCode(), change.month()).update();
        }
        if (firstOf("INSERT INTO green_member_active_month (month, member_id) VALUES (?, ?)", change.month(), change.memberId())) {
            jdbc.sql("INSERT INTO green_month_active (month, members) VALUES (?, 1) ON DUPLICATE KEY UPDATE members = members + 1")
                    .param(change.month()).update();
        }
    }

    /** Whether this row was new: a row that is there already fails on its key, which leaves the transaction as it was. */
    private boolean firstOf(String insert, Object... key) {
        try {
            jdbc.sql(insert).params(key).update();
            return true;
        } catch (DuplicateKeyException there) {
            return false;
        }
    }

    private static BigDecimal sum(List<GreenLine> lines) {
        return lines.stream().map(GreenLine::greenSpend).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long co2e(List<GreenLine> lines) {
        return lines.stream().mapToLong(GreenLine::co2eGrams).sum();
    }
}
