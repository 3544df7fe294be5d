package org.evergreen.earning.internal;

import org.evergreen.earning.PurchaseDetails;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The {@code earning_purchase} and {@code earning_purchase_line} tables. */
@Repository
public class PurchaseRepository {

    /** A purchase as stored, enough to answer a replay. */
    public record StoredPurchase(long id, long memberId, long points, int ruleVersion, String requestHash) {
    }

    private final JdbcClient jdbc;

    public PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredPurchase> byIdempotencyKey(long merchantId, String idempotencyKey) {
        return jdbc.sql("SELECT id, member_id, points, rule_version, request_hash FROM earning_purchase WHERE merchant_id = ? AND idempotency_key = ?")
                .params(merchantId, idempotencyKey)
                .query((rs, n) -> new StoredPurchase(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("points"), rs.getInt("rule_version"),
                        rs.getString("request_hash")))
                .optional();
    }

    public long insert(long merchantId, long storeId, long memberId, String idempotencyKey, String requestHash,
                       PurchaseRequest purchase, long points, int ruleVersion, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, rule_version, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, storeId, memberId, purchase.receiptNumber(), idempotencyKey, requestHash,
                        UtcTimes.toColumn(purchase.purchasedAt()),
                        purchase.total(), purchase.currency(), points, ruleVersion, UtcTimes.toColumn(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (PurchaseRequest.Line line : purchase.lines()) {
            jdbc.sql("""
                            INSERT INTO earning_purchase_line (purchase_id, sku, name, category, quantity, unit_price, green)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, line.sku(), line.name(), line.category(), line.quantity(), line.unitPrice(), line.green())
                    .update();
        }
        return id;
    }

    /** The merchant and member of a purchase, to check who may see it. */
    public record Parties(long merchantId, long memberId) {
    }

    public Optional<Parties> parties(long purchaseId) {
        return jdbc.sql("SELECT merchant_id, member_id FROM earning_purchase WHERE id = ?").param(purchaseId)
                .query((rs, n) -> new Parties(rs.getLong("merchant_id"), rs.getLong("member_id"))).optional();
    }

    /** A purchase with its lines, if it belongs to this merchant: another merchant's purchase does not exist here. */
    public Optional<PurchaseDetails> details(long merchantId, long purchaseId) {
        List<PurchaseRequest.Line> lines = jdbc.sql("""
                        SELECT l.sku, l.name, l.category, l.quantity, l.unit_price, l.green FROM earning_purchase_line l
                        JOIN earning_purchase p ON p.id = l.purchase_id WHERE p.id = ? AND p.merchant_id = ? ORDER BY l.id""")
                .params(purchaseId, merchantId)
                .query((rs, n) -> new PurchaseRequest.Line(rs.getString("sku"), rs.getString("name"), rs.getString("category"),
                        rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBoolean("green")))
                .list();
        return jdbc.sql("""
                        SELECT id, store_id, receipt_number, purchased_at, total, currency, points, rule_version
                        FROM earning_purchase WHERE id = ? AND merchant_id = ?""")
                .params(purchaseId, merchantId)
                .query((rs, n) -> new PurchaseDetails(rs.getLong("id"), rs.getLong("store_id"), rs.getString("receipt_number"),
                        UtcTimes.fromColumn(rs.getObject("purchased_at", LocalDateTime.class)), rs.getBigDecimal("total"),
                        rs.getString("currency"), rs.getLong("points"), rs.getInt("rule_version"), lines))
                .optional();
    }

    public void linkLedgerEntry(long purchaseId, long entryId) {
        jdbc.sql("UPDATE earning_purchase SET ledger_entry_id = ? WHERE id = ?").params(entryId, purchaseId).update();
    }

    public boolean receiptTaken(long storeId, String receiptNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM earning_purchase WHERE store_id = ? AND receipt_number = ?")
                .params(storeId, receiptNumber).query(Long.class).single() > 0;
    }
}
