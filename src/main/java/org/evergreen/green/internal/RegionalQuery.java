package org.evergreen.green.internal;

import org.evergreen.green.ImpactReport.Figures;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the districts' aggregates: one row per district, month and merchant category, and the active members counted
 * per district and month; optionally one district only. Never reads purchases, nor counts members.
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

    /**
     * Sums by district, by category or by month ({@code group}), for the months from {@code fromMonth} to {@code untilMonth},
     * of the districts given (null: all).
     */
    public List<Summed> sums(Grouping group, LocalDate fromMonth, LocalDate untilMonth, @Nullable Collection<String> regionCodes) {
        return jdbc.sql("SELECT " + group.column + " AS grouping_key, " + SUMS + " FROM green_region_month WHERE month >= :from AND month <= :until"
                        + (regionCodes == null ? "" : " AND region_code IN (:regions)") + " GROUP BY grouping_key ORDER BY grouping_key")
                .param("from", fromMonth).param("until", untilMonth).param("regions", regionCodes == null ? List.of("") : regionCodes)
                .query((rs, n) -> new Summed(rs.getString("grouping_key"), figures(rs), rs.getLong("points"))).list();
    }

    /** Members who bought in each district in that month. */
    public Map<String, Long> activeMembersByDistrict(LocalDate month) {
        Map<String, Long> active = new HashMap<>();
        jdbc.sql("SELECT region_code, members FROM green_region_active WHERE month = ?").param(month).query(rs -> {
            active.put(rs.getString("region_code"), rs.getLong("members"));
        });
        return active;
    }

    /**
     * Members who bought in the districts given (or anywhere, for null) in each month from {@code fromMonth} to
     * {@code untilMonth}; over several districts, a member who bought in two counts in each.
     */
    public Map<LocalDate, Long> activeMembersByMonth(LocalDate fromMonth, LocalDate untilMonth, @Nullable Collection<String> regionCodes) {
        Map<LocalDate, Long> active = new HashMap<>();
        String sql = regionCodes == null ? "SELECT month, members FROM green_month_active WHERE month >= :from AND month <= :until"
                : "SELECT month, SUM(members) AS members FROM green_region_active WHERE month >= :from AND month <= :until"
                + " AND region_code IN (:regions) GROUP BY month";
        jdbc.sql(sql).param("from", fromMonth).param("until", untilMonth).param("regions", regionCodes == null ? List.of("") : regionCodes).query(rs -> {
            active.put(rs.getObject("month", LocalDate.class), rs.getLong("members"));
        });
        return active;
    }

    public enum Grouping {
        DISTRICT("region_code"), CATEGORY("merchant_category"), MONTH("DATE_FORMAT(month, '%Y-%m')");

        private final String column;

        Grouping(String column) {
            this.column = column;
        }
    }

    private static Figures figures(ResultSet rs) throws SQLException {
        return new Figures(rs.getInt("purchases"), rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("green_points"),
                rs.getLong("co2e_grams"));
    }
}
