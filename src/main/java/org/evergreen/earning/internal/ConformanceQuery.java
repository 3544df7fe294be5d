package org.evergreen.earning.internal;

import org.evergreen.earning.PurchaseRequest;
import org.evergreen.member.Tier;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Recorded purchases with what recomputing their points takes: the lines as stored, the rule version, the tier, the
 * campaigns that ran at the purchase's time, and whether it was the member's first purchase here or anywhere (by the
 * order purchases were recorded). A reporting query: it reads the member's joining time from the member feature's table.
 */
@Component
public class ConformanceQuery {

    public record RecordedPurchase(long id, long merchantId, Instant purchasedAt, BigDecimal total, long points, long ruleSetId, Tier tier,
                                   Instant memberJoinedAt, boolean firstHere, boolean firstAnywhere, List<Long> campaignIds,
                                   List<PurchaseRequest.Line> lines) {
    }

    private final JdbcClient jdbc;

    ConformanceQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Purchases made in [from, to), of one merchant or all, after the purchase id {@code after}, by id. */
    public List<RecordedPurchase> page(@Nullable Long merchantId, Instant from, Instant to, long after, int limit) {
        record Row(long id, long merchantId, Instant purchasedAt, BigDecimal total, long points, long ruleSetId, Tier tier, Instant joinedAt,
                   boolean firstHere, boolean firstAnywhere, List<Long> campaigns) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT p.id, p.merchant_id, p.purchased_at, p.total, p.points, p.tier, m.joined_at,
                               (SELECT r.id FROM earning_rule_set r WHERE r.merchant_id = p.merchant_id AND r.version = p.rule_version) AS rule_set_id,
                               NOT EXISTS (SELECT 1 FROM earning_purchase e WHERE e.member_id = p.member_id AND e.merchant_id = p.merchant_id
                                           AND e.id < p.id) AS first_here,
                               NOT EXISTS (SELECT 1 FROM earning_purchase e WHERE e.member_id = p.member_id AND e.id < p.id) AS first_anywhere,
                               (SELECT GROUP_CONCAT(c.id ORDER BY c.starts_at, c.id) FROM earning_campaign c
                                WHERE c.merchant_id = p.merchant_id AND c.starts_at <= p.purchased_at AND c.ends_at > p.purchased_at) AS merchant_campaigns,
                               (SELECT GROUP_CONCAT(c.id ORDER BY c.starts_at, c.id) FROM earning_campaign c
                                WHERE c.merchant_id IS NULL AND c.starts_at <= m.joined_at AND c.ends_at > m.joined_at) AS platform_campaigns
                        FROM earning_purchase p JOIN member_member m ON m.user_id = p.member_id
                        WHERE p.id > :after AND p.purchased_at >= :from AND p.purchased_at < :to"""
                        + (merchantId == null ? "" : " AND p.merchant_id = :merchant") + " ORDER BY p.id LIMIT :limit")
                .param("after", after).param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to)).param("limit", limit)
                .params(merchantId == null ? Map.of() : Map.of("merchant", merchantId))
                .query((rs, n) -> {
                    List<Long> campaigns = new ArrayList<>(ids(rs.getString("merchant_campaigns")));
                    campaigns.addAll(ids(rs.getString("platform_campaigns")));
                    return new Row(rs.getLong("id"), rs.getLong("merchant_id"), UtcTimes.fromColumn(rs.getObject("purchased_at", LocalDateTime.class)),
                            rs.getBigDecimal("total"), rs.getLong("points"), rs.getLong("rule_set_id"), Tier.valueOf(rs.getString("tier")),
                            UtcTimes.fromColumn(rs.getObject("joined_at", LocalDateTime.class)), rs.getBoolean("first_here"),
                            rs.getBoolean("first_anywhere"), campaigns);
                })
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<PurchaseRequest.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT purchase_id, sku, name, category, quantity, unit_price, green FROM earning_purchase_line WHERE purchase_id IN (:ids) ORDER BY id")
                .param("ids", rows.stream().map(Row::id).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong("purchase_id"), id -> new ArrayList<>()).add(new PurchaseRequest.Line(rs.getString("sku"),
                            rs.getString("name"), rs.getString("category"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
                            rs.getBoolean("green"), null));
                });
        return rows.stream().map(row -> new RecordedPurchase(row.id(), row.merchantId(), row.purchasedAt(), row.total(), row.points(), row.ruleSetId(),
                row.tier(), row.joinedAt(), row.firstHere(), row.firstAnywhere(), row.campaigns(), lines.getOrDefault(row.id(), List.of()))).toList();
    }

    private static List<Long> ids(@Nullable String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }
}
