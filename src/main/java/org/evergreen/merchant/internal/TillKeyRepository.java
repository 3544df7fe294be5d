package org.evergreen.merchant.internal;

import org.evergreen.merchant.TillKey;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** The {@code merchant_till_key} table. */
@Repository
public class TillKeyRepository {

    public record StoredKey(TillPrincipal principal, String secretHash, @Nullable Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    public TillKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long merchantId, long storeId, String prefix, String secretHash, String label, long createdBy, Instant now) {
        jdbc.sql("""
                        INSERT INTO merchant_till_key (merchant_id, store_id, key_prefix, secret_hash, label, created_by, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, storeId, prefix, secretHash, label, createdBy, UtcTimes.toColumn(now))
                .update();
    }

    /** The live (not revoked) key with this prefix. */
    public Optional<StoredKey> liveByPrefix(String prefix) {
        return jdbc.sql("""
                        SELECT k.id, k.merchant_id, k.store_id, k.secret_hash, k.last_used_at, s.region_code, m.category
                        FROM merchant_till_key k JOIN merchant_store s ON s.id = k.store_id JOIN merchant_merchant m ON m.id = k.merchant_id
                        WHERE k.key_prefix = ? AND k.revoked_at IS NULL""")
                .param(prefix)
                .query((rs, n) -> {
                    LocalDateTime lastUsed = rs.getObject("last_used_at", LocalDateTime.class);
                    return new StoredKey(new TillPrincipal(rs.getLong("id"), rs.getLong("merchant_id"), rs.getLong("store_id"),
                                    rs.getString("region_code"), MerchantCategory.valueOf(rs.getString("category"))),
                            rs.getString("secret_hash"), lastUsed == null ? null : UtcTimes.fromColumn(lastUsed));
                })
                .optional();
    }

    public void touch(long keyId, Instant now) {
        jdbc.sql("UPDATE merchant_till_key SET last_used_at = ? WHERE id = ?").params(UtcTimes.toColumn(now), keyId).update();
    }

    public List<TillKey> ofMerchant(long merchantId) {
        return jdbc.sql("""
                        SELECT k.id, k.store_id, s.name_zh, s.name_en, k.key_prefix, k.label, k.created_at, k.last_used_at, k.revoked_at
                        FROM merchant_till_key k JOIN merchant_store s ON s.id = k.store_id
                        WHERE k.merchant_id = ? ORDER BY k.id DESC""")
                .param(merchantId)
                .query((rs, n) -> new TillKey(rs.getLong("id"), rs.getLong("store_id"), rs.getString("name_zh"),
                        rs.getString("name_en"), rs.getString("key_prefix"), rs.getString("label"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)),
                        instant(rs.getObject("last_used_at", LocalDateTime.class)), instant(rs.getObject("revoked_at", LocalDateTime.class))))
                .list();
    }

    /** Revokes a key of this merchant; false when there is no such live key. */
    public boolean revoke(long merchantId, long keyId, Instant now) {
        return jdbc.sql("UPDATE merchant_till_key SET revoked_at = ? WHERE id = ? AND merchant_id = ? AND revoked_at IS NULL")
                .params(UtcTimes.toColumn(now), keyId, merchantId).update() == 1;
    }

    /** Revokes every live key of a store (it closed). */
    public void revokeAllOf(long storeId, Instant now) {
        jdbc.sql("UPDATE merchant_till_key SET revoked_at = ? WHERE store_id = ? AND revoked_at IS NULL")
                .params(UtcTimes.toColumn(now), storeId).update();
    }

    /**
     * Whether the store is an open one of this merchant (only those get keys), taking its row for the rest of the
     * transaction: a store closing meanwhile waits for the new key and then revokes it with the others, or closes first
     * and the key is refused.
     */
    public boolean lockOpenStoreOf(long storeId, long merchantId) {
        return jdbc.sql("SELECT id FROM merchant_store WHERE id = ? AND merchant_id = ? AND closed_at IS NULL FOR UPDATE")
                .params(storeId, merchantId).query(Long.class).optional().isPresent();
    }

    private static @Nullable Instant instant(@Nullable LocalDateTime value) {
        return value == null ? null : UtcTimes.fromColumn(value);
    }
}
