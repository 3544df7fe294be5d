package org.evergreen.earning;

import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Merchants' base earning rates. A new version is disclosed now and applies from a time not before now, so
 * no rule ever applies to a purchase made before it was public. (The rules editor with categories, tiers
 * and campaigns builds on this.)
 */
@Service
public class BaseRules {

    private static final BigDecimal MAX_RATE = new BigDecimal("100");

    private final JdbcClient jdbc;
    private final Clock clock;

    public BaseRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Discloses a new version of a merchant's base rate, effective now or later; returns its version number. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int disclose(long merchantId, BigDecimal pointsPerYuan, @Nullable Instant effectiveFrom) {
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        if (pointsPerYuan.signum() < 0 || pointsPerYuan.compareTo(MAX_RATE) > 0 || pointsPerYuan.scale() > 2) {
            throw new InvalidInputException("pointsPerYuan", "rules.rate.invalid", MAX_RATE);
        }
        if (from.isBefore(now)) {
            throw new InvalidInputException("effectiveFrom", "rules.retroactive");
        }
        int version = jdbc.sql("SELECT COALESCE(MAX(version), 0) + 1 FROM earning_base_rule WHERE merchant_id = ? FOR UPDATE")
                .param(merchantId).query(Integer.class).single();
        jdbc.sql("INSERT INTO earning_base_rule (merchant_id, version, points_per_yuan, disclosed_at, effective_from) VALUES (?, ?, ?, ?, ?)")
                .params(merchantId, version, pointsPerYuan, UtcTimes.toColumn(now), UtcTimes.toColumn(from))
                .update();
        return version;
    }

    /** Every disclosed version of these merchants' base rates, newest first: public, as disclosure demands. */
    public List<BaseRule> disclosed(Collection<Long> merchantIds) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT merchant_id, version, points_per_yuan, disclosed_at, effective_from FROM earning_base_rule
                        WHERE merchant_id IN (:merchants) ORDER BY merchant_id, version DESC""")
                .param("merchants", merchantIds)
                .query((rs, n) -> new BaseRule(rs.getLong("merchant_id"), rs.getInt("version"), rs.getBigDecimal("points_per_yuan"),
                        UtcTimes.fromColumn(rs.getObject("disclosed_at", LocalDateTime.class)),
                        UtcTimes.fromColumn(rs.getObject("effective_from", LocalDateTime.class))))
                .list();
    }

    /** The version that applied at {@code moment}, if any was in effect. */
    public Optional<BaseRule> ruleAt(long merchantId, Instant moment) {
        return jdbc.sql("""
                        SELECT merchant_id, version, points_per_yuan, disclosed_at, effective_from FROM earning_base_rule
                        WHERE merchant_id = ? AND effective_from <= ? ORDER BY effective_from DESC, version DESC LIMIT 1""")
                .params(merchantId, UtcTimes.toColumn(moment))
                .query((rs, n) -> new BaseRule(rs.getLong("merchant_id"), rs.getInt("version"), rs.getBigDecimal("points_per_yuan"),
                        UtcTimes.fromColumn(rs.getObject("disclosed_at", LocalDateTime.class)),
                        UtcTimes.fromColumn(rs.getObject("effective_from", LocalDateTime.class))))
                .optional();
    }
}
