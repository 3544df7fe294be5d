package org.evergreen.earning.internal;

import org.evergreen.earning.PurchaseRequest;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Optional;

/** The {@code earning_purchase} and {@code earning_purchase_line} tables. */
@Repository
public class PurchaseRepository {

    /** A purchase as stored, enough to answer a replay. */
    public record StoredPurchase(long id, long memberId, long points, int ruleVersion) {
    }

    private final JdbcClient jdbc;

    public PurchaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredPurchase> byIdempotencyKey(long merchantId, String idempotencyKey) {
        return jdbc.sql("SELECT id, member_id, points, rule_version FROM earning_purchase WHERE merchant_id = ? AND idempotency_key = ?")
                .params(merchantId, idempotencyKey)
                .query((rs, n) -> new StoredPurchase(rs.getLong("id"), rs.getLong("member_id"), rs.getLong("points"), rs.getInt("rule_version")))
                .optional();
    }

    public long insert(long merchantId, long storeId, long memberId, String idempotencyKey, PurchaseRequest purchase,
                       long points, int ruleVersion, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, purchased_at,
                                                      total, currency, points, rule_version, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, storeId, memberId, purchase.receiptNumber(), idempotencyKey, UtcTimes.toColumn(purchase.purchasedAt()),
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

    public void linkLedgerEntry(long purchaseId, long entryId) {
        jdbc.sql("UPDATE earning_purchase SET ledger_entry_id = ? WHERE id = ?").params(entryId, purchaseId).update();
    }

    public boolean receiptTaken(long storeId, String receiptNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM earning_purchase WHERE store_id = ? AND receipt_number = ?")
                .params(storeId, receiptNumber).query(Long.class).single() > 0;
    }
}
