package org.evergreen.merchant.internal;

import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantSummary;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The {@code merchant_merchant} and {@code merchant_store} tables. */
@Repository
public class MerchantRepository {

    private static final String SUMMARY_SELECT = """
            SELECT m.id, m.name_zh, m.name_en, m.category, m.unified_credit_code, m.created_at,
                   (SELECT COUNT(*) FROM merchant_store s WHERE s.merchant_id = m.id AND s.closed_at IS NULL) AS store_count
            FROM merchant_merchant m""";

    private final JdbcClient jdbc;

    public MerchantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertMerchant(NewMerchant merchant, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO merchant_merchant (name_zh, name_en, category, unified_credit_code, created_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(merchant.nameZh(), merchant.nameEn(), merchant.category().name(), merchant.unifiedCreditCode(),
                        UtcTimes.toColumn(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertStore(long merchantId, NewMerchant.NewStore store, Instant now) {
        jdbc.sql("""
                        INSERT INTO merchant_store (merchant_id, name_zh, name_en, city_zh, city_en, address, region_code, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(merchantId, store.nameZh(), store.nameEn(), store.cityZh(), store.cityEn(), store.address(), store.regionCode(),
                        UtcTimes.toColumn(now))
                .update();
    }

    public boolean creditCodeExists(String code) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant_merchant WHERE unified_credit_code = ?")
                .param(code).query(Long.class).single() > 0;
    }

    /** How many merchants there are (with a store in one of the districts, when given). */
    public long count(@Nullable Set<String> regions) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant_merchant m" + inRegions(regions))
                .param("regions", regions == null ? List.of() : regions).query(Long.class).single();
    }

    public List<MerchantSummary> page(@Nullable Set<String> regions, int offset, int limit) {
        return jdbc.sql(SUMMARY_SELECT + inRegions(regions) + " ORDER BY m.id LIMIT :limit OFFSET :offset")
                .param("regions", regions == null ? List.of() : regions).param("limit", limit).param("offset", offset)
                .query(MerchantRepository::toSummary)
                .list();
    }

    /** The merchants with a store (open or closed: its history stays theirs) in one of the districts. */
    public Set<Long> inRegions(Collection<String> regions) {
        return regions.isEmpty() ? Set.of() : Set.copyOf(jdbc.sql("SELECT DISTINCT merchant_id FROM merchant_store WHERE region_code IN (:regions)")
                .param("regions", regions).query(Long.class).list());
    }

    private static String inRegions(@Nullable Set<String> regions) {
        return regions == null ? "" : " WHERE m.id IN (SELECT s.merchant_id FROM merchant_store s WHERE s.region_code IN (:regions))";
    }

    /** Public names and categories of these merchants, in one query. */
    public List<PublicMerchant> publicMerchants(Collection<Long> merchantIds) {
        return jdbc.sql("SELECT id, name_zh, name_en, category FROM merchant_merchant WHERE id IN (:ids)")
                .param("ids", merchantIds)
                .query((rs, row) -> new PublicMerchant(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
                        MerchantCategory.valueOf(rs.getString("category"))))
                .list();
    }

    public Optional<MerchantSummary> find(long merchantId) {
        return jdbc.sql(SUMMARY_SELECT + " WHERE m.id = ?")
                .param(merchantId)
                .query(MerchantRepository::toSummary)
                .optional();
    }

    private static MerchantSummary toSummary(ResultSet rs, int rowNum) throws SQLException {
        return new MerchantSummary(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"),
                MerchantCategory.valueOf(rs.getString("category")), rs.getString("unified_credit_code"),
                rs.getInt("store_count"), UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)));
    }

    public List<StoreSummary> stores(long merchantId) {
        return jdbc.sql("""
                        SELECT id, name_zh, name_en, city_zh, city_en, address, region_code, closed_at
                        FROM merchant_store WHERE merchant_id = ? ORDER BY id""")
                .param(merchantId)
                .query((rs, n) -> {
                    LocalDateTime closedAt = rs.getObject("closed_at", LocalDateTime.class);
                    return new StoreSummary(rs.getLong("id"), rs.getString("name_zh"), rs.getString("name_en"), rs.getString("city_zh"),
                            rs.getString("city_en"), rs.getString("address"), rs.getString("region_code"),
                            closedAt == null ? null : UtcTimes.fromColumn(closedAt));
                })
                .list();
    }

    /** Changes an open store of this merchant; false when it has no such open store. */
    public boolean updateStore(long merchantId, long storeId, NewMerchant.NewStore store) {
        return jdbc.sql("""
                        UPDATE merchant_store SET name_zh = ?, name_en = ?, city_zh = ?, city_en = ?, address = ?, region_code = ?
                        WHERE id = ? AND merchant_id = ? AND closed_at IS NULL""")
                .params(store.nameZh(), store.nameEn(), store.cityZh(), store.cityEn(), store.address(), store.regionCode(), storeId,
                        merchantId)
                .update() == 1;
    }

    /** Closes an open store of this merchant; false when it has no such open store. */
    public boolean closeStore(long merchantId, long storeId, Instant now) {
        return jdbc.sql("UPDATE merchant_store SET closed_at = ? WHERE id = ? AND merchant_id = ? AND closed_at IS NULL")
                .params(UtcTimes.toColumn(now), storeId, merchantId).update() == 1;
    }

    /** Takes the merchant's row for the rest of the transaction: two owners closing stores at once are decided in turn. */
    public void lockMerchant(long merchantId) {
        jdbc.sql("SELECT id FROM merchant_merchant WHERE id = ? FOR UPDATE").param(merchantId).query(Long.class).single();
    }

    public long openStoreCount(long merchantId) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant_store WHERE merchant_id = ? AND closed_at IS NULL")
                .param(merchantId).query(Long.class).single();
    }
}
