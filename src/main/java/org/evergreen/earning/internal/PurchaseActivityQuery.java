package org.evergreen.earning.internal;

import org.evergreen.earning.MemberPurchase;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a member's activity says about their purchases: where, how much, and how many of the points were green. */
@Component
public class PurchaseActivityQuery {

    public record PurchaseLine(long id, long merchantId, BigDecimal total, String currency, long greenPoints) {
    }

    private final JdbcClient jdbc;

    PurchaseActivityQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchants the member bought from since {@code since}: where they shop. */
    public List<Long> merchantsOf(long memberId, Instant since) {
        return jdbc.sql("SELECT DISTINCT merchant_id FROM earning_purchase WHERE member_id = ? AND purchased_at >= ?")
                .params(memberId, UtcTimes.toColumn(since)).query(Long.class).list();
    }

    /** The refunds of one purchase, oldest first, each with its lines. */
    public List<MemberPurchase.Refund> refundsOf(long purchaseId) {
        Map<Long, List<MemberPurchase.Line>> lines = new HashMap<>();
        jdbc.sql("""
                        SELECT l.refund_id, l.sku, l.quantity FROM earning_refund_line l JOIN earning_refund r ON r.id = l.refund_id
                        WHERE r.purchase_id = ? ORDER BY l.id""")
                .param(purchaseId)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("refund_id"), id -> new ArrayList<>())
                            .add(new MemberPurchase.Line(rs.getString("sku"), rs.getInt("quantity")));
                });
        return jdbc.sql("SELECT id, created_at, amount, points FROM earning_refund WHERE purchase_id = ? ORDER BY id")
                .param(purchaseId)
                .query((rs, n) -> new MemberPurchase.Refund(UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)),
                        rs.getBigDecimal("amount"), rs.getLong("points"), lines.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    /** The member's own purchases among these ids; another member's are left out. */
    public List<PurchaseLine> ofMember(long memberId, Collection<Long> purchaseIds) {
        if (purchaseIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT p.id, p.merchant_id, p.total, p.currency,
                               (SELECT COALESCE(SUM(r.points), 0) FROM earning_purchase_rule r
                                WHERE r.purchase_id = p.id AND r.rule = 'GREEN') AS green_points
                        FROM earning_purchase p
                        WHERE p.member_id = :member AND p.id IN (:ids)""")
                .param("member", memberId).param("ids", purchaseIds)
                .query((rs, n) -> new PurchaseLine(rs.getLong("id"), rs.getLong("merchant_id"), rs.getBigDecimal("total"),
                        rs.getString("currency"), rs.getLong("green_points")))
                .list();
    }
}
