package org.evergreen.merchant.internal;

import org.evergreen.merchant.ApplicationProgress;
import org.evergreen.merchant.ApplicationStatus;
import org.evergreen.merchant.MerchantApplication;
import org.evergreen.merchant.MerchantApplicationForm;
import org.evergreen.merchant.MerchantCategory;
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
import java.util.List;
import java.util.Optional;

/** The {@code merchant_application} and {@code merchant_application_store} tables. */
@Repository
public class ApplicationRepository {

    private final JdbcClient jdbc;

    public ApplicationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String trackingCode, MerchantApplicationForm form, String nameEn, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO merchant_application (tracking_code, name_zh, name_en, category, unified_credit_code,
                            contact_name, contact_phone, contact_email, status, terms_accepted_at, submitted_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?)""")
                .params(trackingCode, form.nameZh(), nameEn, form.category().name(), form.unifiedCreditCode(),
                        form.contactName(), form.contactPhone(), form.contactEmail(), UtcTimes.toColumn(now), UtcTimes.toColumn(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (MerchantApplicationForm.Store store : form.stores()) {
            jdbc.sql("""
                            INSERT INTO merchant_application_store (application_id, name_zh, name_en, city_zh, city_en, address)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, store.name(), store.name(), store.city(), store.city(), store.address())
                    .update();
        }
        return id;
    }

    public boolean pendingFor(String unifiedCreditCode) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant_application WHERE unified_credit_code = ? AND status = 'SUBMITTED'")
                .param(unifiedCreditCode).query(Long.class).single() > 0;
    }

    public Optional<ApplicationProgress> progress(String trackingCode, String contactPhone) {
        return jdbc.sql("""
                        SELECT name_zh, status, decision_reason, submitted_at, decided_at, owner_username FROM merchant_application
                        WHERE tracking_code = ? AND contact_phone = ?""")
                .params(trackingCode, contactPhone)
                .query((rs, n) -> new ApplicationProgress(rs.getString("name_zh"), ApplicationStatus.valueOf(rs.getString("status")),
                        rs.getString("decision_reason"), instant(rs, "submitted_at"), instant(rs, "decided_at"),
                        rs.getString("owner_username")))
                .optional();
    }

    public long count(@Nullable ApplicationStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM merchant_application WHERE (:status IS NULL OR status = :status)")
                .param("status", status == null ? null : status.name()).query(Long.class).single();
    }

    public List<MerchantApplication> page(@Nullable ApplicationStatus status, int offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM merchant_application WHERE (:status IS NULL OR status = :status)
                        ORDER BY id DESC LIMIT :limit OFFSET :offset""")
                .param("status", status == null ? null : status.name()).param("limit", limit).param("offset", offset)
                .query((rs, n) -> toApplication(rs, List.of())).list();
    }

    public Optional<MerchantApplication> find(long id) {
        List<MerchantApplicationForm.Store> stores = jdbc.sql(
                        "SELECT name_zh, city_zh, address FROM merchant_application_store WHERE application_id = ? ORDER BY id")
                .param(id)
                .query((rs, n) -> new MerchantApplicationForm.Store(rs.getString("name_zh"), rs.getString("city_zh"), rs.getString("address")))
                .list();
        return jdbc.sql("SELECT * FROM merchant_application WHERE id = ?").param(id)
                .query((rs, n) -> toApplication(rs, stores)).optional();
    }

    /** Whether the application is still undecided, its row locked until the transaction ends. */
    public boolean lockUndecided(long id) {
        return jdbc.sql("SELECT status FROM merchant_application WHERE id = ? FOR UPDATE").param(id).query(String.class).optional()
                .filter("SUBMITTED"::equals).isPresent();
    }

    /** Records the decision if the application is still undecided; false when someone decided first. */
    public boolean decide(long id, ApplicationStatus decision, @Nullable String reason, long adminId, Instant now,
                          @Nullable Long merchantId, @Nullable String ownerUsername) {
        return jdbc.sql("""
                        UPDATE merchant_application SET status = ?, decision_reason = ?, decided_by = ?, decided_at = ?, merchant_id = ?,
                               owner_username = ?
                        WHERE id = ? AND status = 'SUBMITTED'""")
                .params(decision.name(), reason, adminId, UtcTimes.toColumn(now), merchantId, ownerUsername, id)
                .update() == 1;
    }

    private static MerchantApplication toApplication(ResultSet rs, List<MerchantApplicationForm.Store> stores) throws SQLException {
        return new MerchantApplication(rs.getLong("id"), rs.getString("tracking_code"), rs.getString("name_zh"),
                rs.getString("name_en"), MerchantCategory.valueOf(rs.getString("category")), rs.getString("unified_credit_code"),
                rs.getString("contact_name"), rs.getString("contact_phone"), rs.getString("contact_email"),
                ApplicationStatus.valueOf(rs.getString("status")), rs.getString("decision_reason"),
                instant(rs, "submitted_at"), instant(rs, "decided_at"), rs.getObject("merchant_id", Long.class), stores);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : UtcTimes.fromColumn(value);
    }
}
