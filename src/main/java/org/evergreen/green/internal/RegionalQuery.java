package org.evergreen.green.internal;

import org.evergreen.green.ImpactReport.Figures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the districts' aggregates: one row per district, day and merchant category, summed over a span of days;
 * optionally one district only. Never reads purchases.
 */
@Repository
public class RegionalQuery {

    public record Summed(String key, Figures figures, long points) {
    }

    private static final String SUMS = """
            SUM(purchases) AS purchases, SUM(spend) AS spend, SUM(green_spend) AS green_spend, SUM(points) AS points,
            SUM(green_points) AS green_points, SUM(co2e_grams) AS co2e_grams""";

    private final JdbcClient jdbc;

    public RegionalQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Sums by district, by category or by month ({@code group} is one of those columns), for days in [from, until). */
    public List<Summed> sums(Grouping group, LocalDate from, LocalDate until, @Nullable String regionCode) {
        return jdbc.sql("SELECT " + group.expression + " AS grouping_key, " + SUMS + " FROM green_region_day WHERE day >= ? AND day < ?"
                        + (regionCode == null ? " AND ? IS NULL" : " AND region_code = ?") + " GROUP BY grouping_key ORDER BY grouping_key")
                .params(from, until, regionCode)
                .query((rs, n) -> new Summed(rs.getString("grouping_key"), figures(rs), rs.getLong("points"))).list();
    }

    /** Members who bought in each district in that month. */
    public Map<String, Long> activeMembersByDistrict(LocalDate month) {
        Map<String, Long> active = new HashMap<>();
        jdbc.sql("SELECT region_code, COUNT(*) AS members FROM green_region_member_month WHERE month = ? GROUP BY region_code")
                .param(month).query(rs -> {
                    active.put(rs.getString("region_code"), rs.getLong("members"));
                });
        return active;
    }

    /** Members who bought in one district (or anywhere, for none) in each month from {@code fromMonth} to {@code untilMonth}. */
    public Map<LocalDate, Long> activeMembersByMonth(LocalDate fromMonth, LocalDate untilMonth, @Nullable String regionCode) {
        Map<LocalDate, Long> active = new HashMap<>();
        jdbc.sql("SELECT month, COUNT(" + (regionCode == null ? "DISTINCT member_id" : "*") + ") AS members FROM green_region_member_month"
                        + " WHERE month >= ? AND month <= ?" + (regionCode == null ? " AND ? IS NULL" : " AND region_code = ?") + " GROUP BY month")
                .params(fromMonth, untilMonth, regionCode).query(rs -> {
                    active.put(rs.getObject("month", LocalDate.class), rs.getLong("members"));
                });
        return active;
    }

    public enum Grouping {
        DISTRICT("region_code"), CATEGORY("merchant_category"), MONTH("DATE_FORMAT(day, '%Y-%m')");

        private final String expression;

        Grouping(String expression) {
            this.expression = expression;
        }
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        BigDecimal spend = rs.getBigDecimal("spend");
        return new Figures(rs.getInt("purchases"), spend, rs.getBigDecimal("green_spend"), rs.getLong("green_points"), rs.getLong("co2e_grams"));
    }
}
