package org.evergreen.green.internal;

import org.evergreen.green.ImpactReport.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one merchant's green aggregates over a span of days: every statement is bounded by the merchant's key and the
 * span, so a page reads at most a row per store and day, never the purchases.
 */
@Repository
public class MerchantAnalyticsQuery {

    public record Dated(LocalDate start, Figures figures) {
    }

    public record ByStore(long storeId, Figures figures) {
    }

    public record StoreDayRow(LocalDate day, long storeId, Figures figures) {
    }

    public record MethodRow(String methodCode, long units, BigDecimal greenSpend, long co2eGrams) {
    }

    public record ProductRow(String sku, String name, String methodCode, long units, BigDecimal greenSpend, long co2eGrams) {
    }

    private static final String SUMS = """
            SUM(purchases) AS purchases, SUM(spend) AS spend, SUM(green_spend) AS green_spend, SUM(green_points) AS green_points,
            SUM(co2e_grams) AS co2e_grams""";

    private final JdbcClient jdbc;

    public MerchantAnalyticsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures by week (from Monday) or by month, for days from {@code from} and before {@code until}. */
    public List<Dated> byPeriod(long merchantId, LocalDate from, LocalDate until, boolean weeks) {
        String start = weeks ? "DATE_SUB(day, INTERVAL WEEKDAY(day) DAY)" : "DATE_FORMAT(day, '%Y-%m-01')";
        return jdbc.sql("SELECT " + start + " AS start, " + SUMS + " FROM green_store_day WHERE merchant_id = ? AND day >= ? AND day < ?"
                        + " GROUP BY start ORDER BY start")
                .params(merchantId, from, until)
                .query((rs, n) -> new Dated(rs.getObject("start", LocalDate.class), figures(rs))).list();
    }

    public List<ByStore> byStore(long merchantId, LocalDate from, LocalDate until) {
        return jdbc.sql("SELECT store_id, " + SUMS + " FROM green_store_day WHERE merchant_id = ? AND day >= ? AND day < ?"
                        + " GROUP BY store_id ORDER BY store_id")
                .params(merchantId, from, until)
                .query((rs, n) -> new ByStore(rs.getLong("store_id"), figures(rs))).list();
    }

    /** Every store's every day in the span, in order, handed to {@code row} one at a time (for an export of any length). */
    public void storeDays(long merchantId, LocalDate from, LocalDate until, Consumer<StoreDayRow> row) {
        jdbc.sql("SELECT day, store_id, purchases, spend, green_spend, green_points, co2e_grams FROM green_store_day"
                        + " WHERE merchant_id = ? AND day >= ? AND day < ? ORDER BY day, store_id")
                .params(merchantId, from, until)
                .query(rs -> {
                    row.accept(new StoreDayRow(rs.getObject("day", LocalDate.class), rs.getLong("store_id"), figures(rs)));
                });
    }

    public List<MethodRow> byMethod(long merchantId, LocalDate fromMonth, LocalDate untilMonth) {
        return jdbc.sql("""
                        SELECT method_code, SUM(units) AS units, SUM(green_spend) AS green_spend, SUM(co2e_grams) AS co2e_grams
                        FROM green_store_method_month WHERE merchant_id = ? AND month >= ? AND month < ?
                        GROUP BY method_code HAVING SUM(units) <> 0 ORDER BY co2e_grams DESC, method_code""")
                .params(merchantId, fromMonth, untilMonth)
                .query((rs, n) -> new MethodRow(rs.getString("method_code"), rs.getLong("units"), rs.getBigDecimal("green_spend"),
                        rs.getLong("co2e_grams"))).list();
    }

    public List<ProductRow> topProducts(long merchantId, LocalDate fromMonth, LocalDate untilMonth, int limit) {
        return jdbc.sql("""
                        SELECT sku, MAX(name) AS name, MAX(method_code) AS method_code, SUM(units) AS units, SUM(green_spend) AS green_spend,
                               SUM(co2e_grams) AS co2e_grams
                        FROM green_product_month WHERE merchant_id = ? AND month >= ? AND month < ?
                        GROUP BY sku HAVING SUM(units) > 0 ORDER BY co2e_grams DESC, sku LIMIT ?""")
                .params(merchantId, fromMonth, untilMonth, limit)
                .query((rs, n) -> new ProductRow(rs.getString("sku"), rs.getString("name"), rs.getString("method_code"), rs.getLong("units"),
                        rs.getBigDecimal("green_spend"), rs.getLong("co2e_grams"))).list();
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getInt("purchases"), rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("green_points"),
                rs.getLong("co2e_grams"));
    }
}
