package org.evergreen.earning.internal;

import org.evergreen.earning.GreenLineClassifier;
import org.evergreen.earning.PointsCalculation;
import org.evergreen.earning.PurchaseDetails;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.RuleLine;
import org.evergreen.member.Tier;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The {@code earning_purchase} table with its lines and rule breakdown, and each member's purchase count. */
@Repository
public class PurchaseRepository {

    /** A purchase as stored, enough to answer a replay. */
    public record StoredPurchase(long id, long memberId, long points, String requestHash) {
    }

    /** What a new purchase stores beside the till's request. */
    public record Earned(int ruleVersion, Tier tier, PointsCalculation calculation) {
    }

    private static final LocalDateTime END_OF_TIME = LocalDateTime.of(9999, 1, 1, 0, 0);

    private final JdbcClient jdbc;

    public PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredPurchase> byIdempotencyKey(long merchantId, String idempotencyKey) {
        return jdbc.sql("SELECT id, member_id, points, request_hash FROM earning_purchase WHERE merchant_id = ? AND idempotency_key = ?")
                .params(merchantId, idempotencyKey)
                .query((rs, n) -> new StoredPurchase(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("points"),
                        rs.getString("request_hash")))
                .optional();
    }

    /**
     * Takes the member's activity row for the rest of the transaction, so that one member's purchases are decided one
     * at a time ("first purchase" bonuses, the tier); everything read after it sees the member's earlier purchases.
     */
    public void lockMember(long memberId) {
        // UPDATE first and a plain INSERT for a member's first purchase: an upsert would take gap locks, and first
        // purchases of members with neighbouring ids would wait for each other.
        if (jdbc.sql("UPDATE earning_member_activity SET purchases = purchases + 1 WHERE member_id = ?").param(memberId).update() == 0) {
            try {
                jdbc.sql("INSERT INTO earning_member_activity (member_id, purchases) VALUES (?, 1)").param(memberId).update();
            } catch (DuplicateKeyException parallelFirstPurchase) {
                jdbc.sql("UPDATE earning_member_activity SET purchases = purchases + 1 WHERE member_id = ?").param(memberId).update();
            }
        }
    }

    /**
     * What a purchase needs to know before its points are worked out: the member's past, and which immutable rows
     * (rule set, policy, campaigns) apply, by id.
     *
     * @param spendBefore    the qualifying spend in the 12 months before the purchase (its tier)
     * @param spendSince     the qualifying spend since 12 months before now, without this purchase (the tier after it)
     * @param campaignIds    the merchant's campaigns running at the purchase, then the platform's of the member's joining
     */
    public record PurchaseContext(BigDecimal spendBefore, BigDecimal spendSince, boolean purchasedBefore, boolean purchasedHere,
                                  @Nullable Long ruleSetId, @Nullable Long policyId, List<Long> campaignIds) {
    }

    /**
     * One statement for all of a purchase's questions: a round trip each would dominate its write path. The rows it
     * names never change, so their contents come from caches.
     */
    public PurchaseContext context(long memberId, long merchantId, Instant purchasedAt, Instant now, Instant memberJoinedAt,
                                   Duration tierWindow) {
        LocalDateTime at = UtcTimes.toColumn(purchasedAt);
        LocalDateTime joined = UtcTimes.toColumn(memberJoinedAt);
        return jdbc.sql("SELECT (" + QUALIFYING_SPEND + ") AS spend_before, (" + QUALIFYING_SPEND + ") AS spend_since,"
                        + " EXISTS (SELECT 1 FROM earning_purchase WHERE member_id = ?) AS purchased_before,"
                        + " EXISTS (SELECT 1 FROM earning_purchase WHERE member_id = ? AND merchant_id = ?) AS purchased_here,"
                        + " (SELECT id FROM earning_rule_set WHERE merchant_id = ? AND effective_from <= ?"
                        + "  ORDER BY effective_from DESC, version DESC LIMIT 1) AS rule_set_id,"
                        + " (SELECT id FROM earning_policy WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1) AS policy_id,"
                        + " (SELECT GROUP_CONCAT(id ORDER BY starts_at, id) FROM earning_campaign"
                        + "  WHERE merchant_id = ? AND starts_at <= ? AND ends_at > ?) AS merchant_campaigns,"
                        + " (SELECT GROUP_CONCAT(id ORDER BY starts_at, id) FROM earning_campaign"
                        + "  WHERE merchant_id IS NULL AND starts_at <= ? AND ends_at > ?) AS platform_campaigns")
                .params(memberId, UtcTimes.toColumn(purchasedAt.minus(tierWindow)), at,
                        memberId, UtcTimes.toColumn(now.minus(tierWindow)), END_OF_TIME,
                        memberId, memberId, merchantId, merchantId, at, at, merchantId, at, at, joined, joined)
                .query((rs, row) -> {
                    List<Long> campaigns = new ArrayList<>(ids(rs.getString("merchant_campaigns")));
                    campaigns.addAll(ids(rs.getString("platform_campaigns")));
                    return new PurchaseContext(rs.getBigDecimal("spend_before"), rs.getBigDecimal("spend_since"),
                            rs.getBoolean("purchased_before"), rs.getBoolean("purchased_here"), rs.getObject("rule_set_id", Long.class),
                            rs.getObject("policy_id", Long.class), campaigns);
                })
                .single();
    }

    private static List<Long> ids(@Nullable String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(Long::valueOf).toList();
    }

    /**
     * Purchases less their refunds, of a member in a span. Each purchase's refunds are summed through their index,
     * never the whole refund table.
     */
    private static final String QUALIFYING_SPEND = "SELECT COALESCE(SUM(p.total - COALESCE((SELECT SUM(r.amount) FROM earning_refund r"
            + " WHERE r.purchase_id = p.id), 0)), 0) FROM earning_purchase p WHERE p.member_id = ? AND p.purchased_at >= ? AND p.purchased_at < ?";

    /** What the member paid, less refunds, for purchases made from {@code from} and before {@code until} (if given). */
    public BigDecimal qualifyingSpend(long memberId, Instant from, @Nullable Instant until) {
        LocalDateTime end = until == null ? END_OF_TIME : UtcTimes.toColumn(until);
        return jdbc.sql(QUALIFYING_SPEND).params(memberId, UtcTimes.toColumn(from), end).query(BigDecimal.class).single();
    }

    /**
     * A line of a purchase and the green method that covers it, if one does. Only that decides whether the line is
     * green: the till's own flag and figure are not kept.
     */
    public record RecordedLine(PurchaseRequest.Line line, GreenLineClassifier.@Nullable GreenLine green) {

        /** The line as the points calculation sees it: green exactly when a method covers it. */
        public PurchaseRequest.Line asClassified() {
            return new PurchaseRequest.Line(line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice(), green != null,
                    null);
        }
    }

    public long insert(long merchantId, long storeId, long memberId, String idempotencyKey, String requestHash,
                       PurchaseRequest purchase, List<RecordedLine> lines, Earned earned, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        PointsCalculation calculation = earned.calculation();
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, platform_points, rule_version, tier, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, storeId, memberId, purchase.receiptNumber(), idempotencyKey, requestHash,
                        UtcTimes.toColumn(purchase.purchasedAt()), purchase.total(), purchase.currency(), calculation.points(),
                        calculation.platformPoints(), earned.ruleVersion(), earned.tier().name(), UtcTimes.toColumn(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        // One statement each for all lines and all rules: a round trip per row would dominate the write path.
        List<Object> lineValues = new ArrayList<>();
        for (RecordedLine recorded : lines) {
            PurchaseRequest.Line line = recorded.line();
            GreenLineClassifier.GreenLine green = recorded.green();
            lineValues.addAll(Arrays.asList(id, line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice(), green != null,
                    green == null ? null : green.co2eGrams(), green == null ? null : green.methodCode(), green == null ? null : green.factorId()));
        }
        jdbc.sql("INSERT INTO earning_purchase_line (purchase_id, sku, name, category, quantity, unit_price, green, co2e_grams, green_method,"
                + " green_factor_id) VALUES " + rows(lines.size(), 10)).params(lineValues).update();
        if (!calculation.lines().isEmpty()) {
            List<Object> ruleValues = new ArrayList<>();
            for (RuleLine rule : calculation.lines()) {
                ruleValues.addAll(Arrays.asList(id, rule.rule().name(), rule.detail(), rule.ruleSetVersion(), rule.campaignId(), rule.points(),
                        rule.platformFunded()));
            }
            jdbc.sql("INSERT INTO earning_purchase_rule (purchase_id, rule, detail, rule_set_version, campaign_id, points, platform_funded) VALUES "
                    + rows(calculation.lines().size(), 7)).params(ruleValues).update();
        }
        return id;
    }

    /** {@code (?, ?, …), (?, ?, …)…}: placeholders for a multi-row insert. */
    private static String rows(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    /** The merchant and member of a purchase, to check who may see it. */
    public record Parties(long merchantId, long memberId) {
    }

    public Optional<Parties> parties(long purchaseId) {
        return jdbc.sql("SELECT merchant_id, member_id FROM earning_purchase WHERE id = ?").param(purchaseId)
                .query((rs, n) -> new Parties(rs.getLong("merchant_id"), rs.getLong("member_id"))).optional();
    }

    /** The points of each rule of a purchase, in the order they were worked out. */
    public List<PurchaseResult.RulePoints> breakdown(long purchaseId) {
        return jdbc.sql("SELECT rule, detail, rule_set_version, campaign_id, points FROM earning_purchase_rule WHERE purchase_id = ? ORDER BY id")
                .param(purchaseId)
                .query((rs, n) -> new PurchaseResult.RulePoints(rs.getString("rule").toLowerCase(Locale.ROOT), rs.getString("detail"),
                        rs.getObject("rule_set_version", Integer.class), rs.getObject("campaign_id", Long.class), rs.getLong("points")))
                .list();
    }

    /** A purchase with its lines, if it belongs to this merchant: another merchant's purchase does not exist here. */
    public Optional<PurchaseDetails> details(long merchantId, long purchaseId) {
        List<PurchaseDetails.Line> lines = jdbc.sql("""
                        SELECT l.sku, l.name, l.category, l.quantity, l.unit_price, l.green, l.green_method, l.co2e_grams
                        FROM earning_purchase_line l
                        JOIN earning_purchase p ON p.id = l.purchase_id WHERE p.id = ? AND p.merchant_id = ? ORDER BY l.id""")
                .params(purchaseId, merchantId)
                .query((rs, n) -> new PurchaseDetails.Line(rs.getString("sku"), rs.getString("name"), rs.getString("category"),
                        rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBoolean("green"), rs.getString("green_method"),
                        rs.getObject("co2e_grams", Long.class)))
                .list();
        List<PurchaseResult.RulePoints> breakdown = breakdown(purchaseId);
        return jdbc.sql("""
                        SELECT id, store_id, receipt_number, purchased_at, total, currency, points, rule_version, tier
                        FROM earning_purchase WHERE id = ? AND merchant_id = ?""")
                .params(purchaseId, merchantId)
                .query((rs, n) -> new PurchaseDetails(rs.getLong("id"), rs.getLong("store_id"), rs.getString("receipt_number"),
                        UtcTimes.fromColumn(rs.getObject("purchased_at", LocalDateTime.class)), rs.getBigDecimal("total"),
                        rs.getString("currency"), rs.getLong("points"), rs.getInt("rule_version"), Tier.valueOf(rs.getString("tier")),
                        breakdown, lines))
                .optional();
    }

    /** Members with a purchase made in this span: their rolling spend changes as it leaves the 12-month window. */
    public List<Long> membersWithPurchasesBetween(Instant from, Instant until) {
        return jdbc.sql("SELECT DISTINCT member_id FROM earning_purchase WHERE purchased_at >= ? AND purchased_at < ?")
                .params(UtcTimes.toColumn(from), UtcTimes.toColumn(until)).query(Long.class).list();
    }
}
