package org.evergreen.earning.internal;

import org.evergreen.earning.RefundRequest;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Refunds of purchases, and what each purchase had and has left to refund. */
@Repository
public class RefundRepository {

    /**
     * A purchase locked for refunding: its money, the points the merchant paid and their earn entry, and the
     * entry of the points the platform added (a sign-up bonus), taken back whole with the last refund.
     */
    public record LockedPurchase(long id, long memberId, BigDecimal total, long merchantPoints, long platformPoints, String idempotencyKey) {
    }

    /**
     * A purchased SKU: how many, at what unit price, whether it was green (under which method, with what CO₂e for the whole
     * line), and how many were refunded already.
     */
    public record Refundable(int bought, BigDecimal unitPrice, boolean green, @Nullable String greenMethod, long co2eGrams, int refunded) {

        public int left() {
            return bought - refunded;
        }

        /**
         * The CO₂e of {@code quantity} more refunded units: the line's CO₂e shared by units, counted on the refunded total so
         * far so that rounding never loses or adds a gram and the last refund takes back exactly what is left.
         */
        public long co2eGramsOf(int quantity) {
            return co2eGrams * (refunded + quantity) / bought - co2eGrams * refunded / bought;
        }
    }

    public record StoredRefund(long id, long purchaseId, long memberId, BigDecimal amount, long points, String requestHash) {
    }

    private final JdbcClient jdbc;

    public RefundRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredRefund> byIdempotencyKey(long merchantId, String idempotencyKey) {
        return jdbc.sql("""
                        SELECT r.id, r.purchase_id, p.member_id, r.amount, r.points, r.request_hash FROM earning_refund r
                        JOIN earning_purchase p ON p.id = r.purchase_id WHERE r.merchant_id = ? AND r.idempotency_key = ?""")
                .params(merchantId, idempotencyKey)
                .query((rs, n) -> new StoredRefund(rs.getLong("id"), rs.getLong("purchase_id"), rs.getLong("member_id"),
                        rs.getBigDecimal("amount"), rs.getLong("points"), rs.getString("request_hash")))
                .optional();
    }

    /** Locks the purchase so that refunds of it run one at a time. */
    public Optional<LockedPurchase> lock(long merchantId, long purchaseId) {
        return jdbc.sql("""
                        SELECT id, member_id, total, points - platform_points AS merchant_points, platform_points, idempotency_key
                        FROM earning_purchase WHERE id = ? AND merchant_id = ? FOR UPDATE""")
                .params(purchaseId, merchantId)
                .query((rs, n) -> new LockedPurchase(rs.getLong("id"), rs.getLong("member_id"), rs.getBigDecimal("total"),
                        rs.getLong("merchant_points"), rs.getLong("platform_points"), rs.getString("idempotency_key")))
                .optional();
    }

    public Map<String, Refundable> refundable(long purchaseId) {
        Map<String, Integer> refunded = new HashMap<>();
        jdbc.sql("""
                        SELECT l.sku, SUM(l.quantity) AS quantity FROM earning_refund_line l
                        JOIN earning_refund r ON r.id = l.refund_id WHERE r.purchase_id = ? GROUP BY l.sku""")
                .param(purchaseId)
                .query(rs -> {
                    refunded.put(rs.getString("sku"), rs.getInt("quantity"));
                });
        Map<String, Refundable> lines = new HashMap<>();
        // A purchase names each SKU once (checked when it is recorded), so this is one line per SKU.
        jdbc.sql("SELECT sku, quantity, unit_price, green, green_method, co2e_grams FROM earning_purchase_line WHERE purchase_id = ?")
                .param(purchaseId)
                .query(rs -> {
                    // The line keeps the CO₂e of all its units.
                    lines.put(rs.getString("sku"), new Refundable(rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBoolean("green"),
                            rs.getString("green_method"), rs.getLong("co2e_grams"), refunded.getOrDefault(rs.getString("sku"), 0)));
                });
        return lines;
    }

    public long pointsClawedBack(long purchaseId) {
        return jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM earning_refund WHERE purchase_id = ?").param(purchaseId)
                .query(Long.class).single();
    }

    public long insert(long purchaseId, long merchantId, String idempotencyKey, String requestHash, BigDecimal amount, long points,
                       List<RefundRequest.Line> lines, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO earning_refund (purchase_id, merchant_id, idempotency_key, request_hash, amount, points, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(purchaseId, merchantId, idempotencyKey, requestHash, amount, points, UtcTimes.toColumn(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (RefundRequest.Line line : lines) {
            jdbc.sql("INSERT INTO earning_refund_line (refund_id, sku, quantity) VALUES (?, ?, ?)")
                    .params(id, line.sku(), line.quantity()).update();
        }
        return id;
    }

    public void linkLedgerEntry(long refundId, long entryId) {
        jdbc.sql("UPDATE earning_refund SET ledger_entry_id = ? WHERE id = ?").params(entryId, refundId).update();
    }
}
