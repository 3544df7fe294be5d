package org.evergreen.green.internal;

import org.evergreen.green.ImpactReport.Figures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a member's green aggregates for the report: a handful of rows by primary key, whatever the number of purchases. */
@Repository
public class ImpactQuery {

    public record MethodRow(String methodCode, BigDecimal greenSpend, long co2eGrams) {
    }

    public record MerchantRow(long merchantId, BigDecimal spend, BigDecimal greenSpend, long greenPoints, long co2eGrams) {
    }

    private final JdbcClient jdbc;

    public ImpactQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The member's months from {@code from} up to and including {@code until}, by month. */
    public Map<YearMonth, Figures> months(long memberId, YearMonth from, YearMonth until) {
        Map<YearMonth, Figures> months = new TreeMap<>();
        jdbc.sql("""
                        SELECT month, purchases, spend, green_spend, green_points, co2e_grams FROM green_member_month
                        WHERE member_id = ? AND month >= ? AND month <= ? ORDER BY month""")
                .params(memberId, from.atDay(1), until.atDay(1))
                .query(rs -> {
                    months.put(YearMonth.from(rs.getObject("month", LocalDate.class)), figures(rs));
                });
        return months;
    }

    public Figures allTime(long memberId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(purchases), 0) AS purchases, COALESCE(SUM(spend), 0) AS spend,
                               COALESCE(SUM(green_spend), 0) AS green_spend, COALESCE(SUM(green_points), 0) AS green_points,
                               COALESCE(SUM(co2e_grams), 0) AS co2e_grams
                        FROM green_member_month WHERE member_id = ?""")
                .param(memberId).query((rs, n) -> figures(rs)).single();
    }

    /** The years the member has figures for, newest first. */
    public List<Integer> years(long memberId) {
        return jdbc.sql("SELECT DISTINCT YEAR(month) FROM green_member_month WHERE member_id = ? ORDER BY 1 DESC").param(memberId)
                .query(Integer.class).list();
    }

    public List<MethodRow> methods(long memberId, int year) {
        return jdbc.sql("""
                        SELECT method_code, green_spend, co2e_grams FROM green_member_year_method
                        WHERE member_id = ? AND year = ? AND (green_spend <> 0 OR co2e_grams <> 0) ORDER BY co2e_grams DESC, method_code""")
                .params(memberId, year)
                .query((rs, n) -> new MethodRow(rs.getString("method_code"), rs.getBigDecimal("green_spend"), rs.getLong("co2e_grams"))).list();
    }

    public List<MerchantRow> merchants(long memberId, int year) {
        return jdbc.sql("""
                        SELECT merchant_id, spend, green_spend, green_points, co2e_grams FROM green_member_year_merchant
                        WHERE member_id = ? AND year = ? AND spend <> 0 ORDER BY co2e_grams DESC, spend DESC, merchant_id""")
                .params(memberId, year)
                .query((rs, n) -> new MerchantRow(rs.getLong("merchant_id"), rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"),
                        rs.getLong("green_points"), rs.getLong("co2e_grams"))).list();
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getInt("purchases"), rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("green_points"),
                rs.getLong("co2e_grams"));
    }
}
