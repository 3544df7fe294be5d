package org.evergreen.earning.internal;

import org.evergreen.earning.RuleSet;
import org.evergreen.earning.RuleSetVersion;
import org.evergreen.shared.database.ImmutableRowCache;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The {@code earning_rule_set} table: each version's rules kept as one JSON document, never changed. */
@Repository
public class RuleSetRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = "id, merchant_id, version, rules, disclosed_at, effective_from";

    private final JdbcClient jdbc;
    /** Versions never change, so a parsed one can be kept for good (keyed by row id). */
    private final ImmutableRowCache<RuleSetVersion> parsed = new ImmutableRowCache<>(10_000);

    public RuleSetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next version number, taking a lock that makes concurrent disclosures of one merchant wait their turn. */
    public int nextVersion(long merchantId) {
        return jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM earning_rule_set WHERE merchant_id = ? FOR UPDATE")
                .param(merchantId).query(Integer.class).single();
    }

    public void insert(long merchantId, int version, RuleSet rules, Instant disclosedAt, Instant effectiveFrom, String disclosedBy) {
        jdbc.sql("""
                        INSERT INTO earning_rule_set (merchant_id, version, rules, disclosed_at, effective_from, disclosed_by)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(merchantId, version, JSON.writeValueAsString(rules), UtcTimes.toColumn(disclosedAt),
                        UtcTimes.toColumn(effectiveFrom), disclosedBy)
                .update();
    }

    /** Every version of these merchants' rules, newest first. */
    public List<RuleSetVersion> versions(Collection<Long> merchantIds) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_rule_set WHERE merchant_id IN (:merchants) ORDER BY merchant_id, version DESC")
                .param("merchants", merchantIds).query(mapper()).list();
    }

    /** One version by its row id, read from the database only the first time. */
    public Optional<RuleSetVersion> byId(long id) {
        return parsed.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM earning_rule_set WHERE id = ?").param(key)
                .query(mapper()).optional());
    }

    private RowMapper<RuleSetVersion> mapper() {
        return (rs, n) -> {
            long merchantId = rs.getLong("merchant_id");
            int version = rs.getInt("version");
            String document = rs.getString("rules");
            Instant disclosedAt = UtcTimes.fromColumn(rs.getObject("disclosed_at", LocalDateTime.class));
            Instant effectiveFrom = UtcTimes.fromColumn(rs.getObject("effective_from", LocalDateTime.class));
            return parsed.get(rs.getLong("id"), id -> Optional.of(new RuleSetVersion(merchantId, version,
                    JSON.readValue(document, RuleSet.class), disclosedAt, effectiveFrom))).orElseThrow();
        };
    }
}
