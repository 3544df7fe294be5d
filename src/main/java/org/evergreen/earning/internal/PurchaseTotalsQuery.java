package org.evergreen.earning.internal;

import org.evergreen.earning.PurchaseTotals.MemberMonth;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * Purchase totals by SQL over the purchase, line and refund records. A line's refunded CO₂e is its CO₂e times the units
 * refunded over the units bought, rounded down once: the same as the refunds' shares added up, since each refund takes
 * the difference of that figure before and after it.
 */
@Repository
public class PurchaseTotalsQuery {

    /** The units of a purchase line {@code l} refunded so far. */
    private static final String REFUNDED_UNITS = "SELECT COALESCE(SUM(rl.quantity), 0) FROM earning_refund r JOIN earning_refund_line rl"
            + " ON rl.refund_id = r.id WHERE r.purchase_id = l.purchase_id AND rl.sku = l.sku";

    private final JdbcClient jdbc;

    public PurchaseTotalsQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public OptionalLong nextMemberId(long fromPurchaseId, long fromMember) {
        long next = jdbc.sql("SELECT COALESCE(MIN(member_id), -1) FROM earning_purchase WHERE member_id >= ? AND id >= ?")
                .params(fromMember, fromPurchaseId).query(Long.class).single();
        return next < 0 ? OptionalLong.empty() : OptionalLong.of(next);
    }

    public List<MemberMonth> memberMonths(long fromPurchaseId, long fromMember, long untilMember, ZoneOffset offset) {
        // Correlated subqueries, each through its foreign key's index: only the members of the range are read.
        return jdbc.sql("""
                        SELECT member_id, month, SUM(total > refunded) AS purchases, SUM(total - refunded) AS spend,
                               SUM(green_spend) AS green_spend, SUM(co2e_grams) AS co2e_grams, MAX(last_change) AS last_change
                        FROM (SELECT p.member_id, DATE_FORMAT(p.purchased_at + INTERVAL ? SECOND, '%%Y-%%m-01') AS month, p.total,
                                     (SELECT COALESCE(SUM(r.amount), 0) FROM earning_refund r WHERE r.purchase_id = p.id) AS refunded,
                                     GREATEST(p.created_at, COALESCE((SELECT MAX(r.created_at) FROM earning_refund r WHERE r.purchase_id = p.id),
                                                                     p.created_at)) AS last_change,
                                     (SELECT COALESCE(SUM(l.unit_price * (l.quantity - (%1$s))), 0) FROM earning_purchase_line l
                                      WHERE l.purchase_id = p.id AND l.green_method IS NOT NULL) AS green_spend,
                                     (SELECT COALESCE(SUM(l.co2e_grams - FLOOR(l.co2e_grams * (%1$s) / l.quantity)), 0) FROM earning_purchase_line l
                                      WHERE l.purchase_id = p.id AND l.green_method IS NOT NULL) AS co2e_grams
                              FROM earning_purchase p WHERE p.id >= ? AND p.member_id >= ? AND p.member_id < ?) purchase
                        GROUP BY member_id, month ORDER BY member_id, month""".formatted(REFUNDED_UNITS))
                .params(offset.getTotalSeconds(), fromPurchaseId, fromMember, untilMember)
                .query((rs, n) -> new MemberMonth(rs.getLong("member_id"), LocalDate.parse(rs.getString("month")), rs.getInt("purchases"),
                        rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("co2e_grams"),
                        UtcTimes.fromColumn(rs.getObject("last_change", LocalDateTime.class))))
                .list();
    }
}
