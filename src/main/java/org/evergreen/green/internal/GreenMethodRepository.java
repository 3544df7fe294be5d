package org.evergreen.green.internal;

import org.evergreen.green.FactorBasis;
import org.evergreen.green.FactorDraft;
import org.evergreen.green.FactorVersion;
import org.evergreen.green.GreenMethod;
import org.evergreen.green.MethodDraft;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The methodology registry's tables: methods, what falls under them, and their factor versions, all insert-only. */
@Repository
public class GreenMethodRepository {

    private final JdbcClient jdbc;

    public GreenMethodRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every method with its categories, SKUs and versions (oldest first), in the order they were added: a registry of tens of rows. */
    public List<GreenMethod> all() {
        Map<Long, List<String>> categories = new HashMap<>();
        Map<Long, List<String>> skus = new HashMap<>();
        jdbc.sql("SELECT kind, value, method_id FROM green_method_match ORDER BY value").query(rs -> {
            (rs.getString("kind").equals("SKU") ? skus : categories).computeIfAbsent(rs.getLong("method_id"), id -> new ArrayList<>())
                    .add(rs.getString("value"));
        });
        Map<Long, List<FactorVersion>> versions = new HashMap<>();
        jdbc.sql("""
                        SELECT id, method_id, version, grams_per_basis, baseline_zh, baseline_en, source, valid_from, valid_until, published_at
                        FROM green_factor_version ORDER BY method_id, version""")
                .query((rs, n) -> new FactorVersion(rs.getLong("id"), rs.getLong("method_id"), rs.getInt("version"),
                        rs.getBigDecimal("grams_per_basis"), rs.getString("baseline_zh"), rs.getString("baseline_en"), rs.getString("source"),
                        UtcTimes.fromColumn(rs.getObject("valid_from", LocalDateTime.class)),
                        rs.getObject("valid_until") == null ? null : UtcTimes.fromColumn(rs.getObject("valid_until", LocalDateTime.class)),
                        UtcTimes.fromColumn(rs.getObject("published_at", LocalDateTime.class))))
                .list()
                .forEach(version -> versions.computeIfAbsent(version.methodId(), id -> new ArrayList<>()).add(version));
        return jdbc.sql("SELECT id, code, basis, name_zh, name_en, description_zh, description_en FROM green_method ORDER BY id")
                .query((rs, n) -> {
                    long id = rs.getLong("id");
                    return new GreenMethod(id, rs.getString("code"), FactorBasis.valueOf(rs.getString("basis")), rs.getString("name_zh"),
                            rs.getString("name_en"), rs.getString("description_zh"), rs.getString("description_en"),
                            List.copyOf(categories.getOrDefault(id, List.of())), List.copyOf(skus.getOrDefault(id, List.of())),
                            List.copyOf(versions.getOrDefault(id, List.of())));
                })
                .list();
    }

    /** Inserts a method and what falls under it; a code, category or SKU that is taken fails on its unique key. */
    public long insertMethod(MethodDraft method, Instant now, String actor) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO green_method (code, basis, name_zh, name_en, description_zh, description_en, created_at, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(method.code(), method.basis().name(), method.nameZh(), method.nameEn(), method.descriptionZh(),
                        method.descriptionEn(), UtcTimes.toColumn(now), actor)
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (String category : method.categories()) {
            jdbc.sql("INSERT INTO green_method_match (kind, value, method_id) VALUES ('CATEGORY', ?, ?)").params(category, id).update();
        }
        for (String sku : method.skus()) {
            jdbc.sql("INSERT INTO green_method_match (kind, value, method_id) VALUES ('SKU', ?, ?)").params(sku, id).update();
        }
        return id;
    }

    /** The newest version of a method, read with its row locked so that two admins cannot publish the same number. */
    public int lockLastVersion(long methodId) {
        jdbc.sql("SELECT id FROM green_method WHERE id = ? FOR UPDATE").param(methodId).query(Long.class).single();
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) FROM green_factor_version WHERE method_id = ?").param(methodId)
                .query(Integer.class).single();
    }

    public long insertVersion(long methodId, int version, FactorDraft factor, Instant now, String actor) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO green_factor_version (method_id, version, grams_per_basis, baseline_zh, baseline_en, source, valid_from,
                                                          valid_until, published_at, published_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(methodId, version, factor.gramsPerBasis(), factor.baselineZh(), factor.baselineEn(), factor.source(),
                        UtcTimes.toColumn(factor.validFrom()), factor.validUntil() == null ? null : UtcTimes.toColumn(factor.validUntil()),
                        UtcTimes.toColumn(now), actor)
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }
}
