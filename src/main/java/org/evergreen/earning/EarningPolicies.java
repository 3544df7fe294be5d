package org.evergreen.earning;

import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.database.ImmutableRowCache;
import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;

/** The platform's cap on bonuses: admins change it from now on; every purchase is capped by the one of its time. */
@Service
public class EarningPolicies {

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final String COLUMNS = "bonus_cap_percent, yuan_per_point, effective_from";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;
    private final CatalogPolicies pointValues;
    private final BonusCap defaults;
    private final BigDecimal defaultGreenBonusLimit;
    private final ImmutableRowCache<BonusCap> versions = new ImmutableRowCache<>(1_000);

    /**
     * A row of {@code earning_policy}: the cap an admin set, and since when.
     *
     * @param recordedValue the point value rows set before the catalog's became the only one recorded; null since
     */
    private record BonusCap(BigDecimal percent, @Nullable BigDecimal recordedValue, @Nullable Instant effectiveFrom) {
    }

    EarningPolicies(JdbcClient jdbc, CurrentUser currentUser, ActionLog actionLog, Clock clock, CatalogPolicies pointValues,
                    @Value("${evergreen.earning.bonus-cap-percent:10}") BigDecimal bonusCapPercent,
                    @Value("${evergreen.earning.max-green-points-per-yuan:5}") BigDecimal defaultGreenBonusLimit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
        this.pointValues = pointValues;
        this.defaults = new BonusCap(bonusCapPercent, null, null);
        this.defaultGreenBonusLimit = defaultGreenBonusLimit;
    }

    /** The most green points per yuan a merchant's new rule version may give: public, as every limit on earning is. */
    public BigDecimal greenBonusLimit() {
        return jdbc.sql("SELECT max_points_per_yuan FROM earning_green_bonus_limit ORDER BY set_at DESC, id DESC LIMIT 1")
                .query(BigDecimal.class).optional().orElse(defaultGreenBonusLimit);
    }

    /** Admins set the limit on merchants' green bonus; it applies to rule versions disclosed from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setGreenBonusLimit(BigDecimal maxPointsPerYuan) {
        if (maxPointsPerYuan == null || maxPointsPerYuan.signum() < 0 || maxPointsPerYuan.scale() > 2
                || maxPointsPerYuan.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("maxGreenPointsPerYuan", "policy.greenLimit.invalid");
        }
        jdbc.sql("INSERT INTO earning_green_bonus_limit (max_points_per_yuan, set_at, set_by) VALUES (?, ?, ?)")
                .params(maxPointsPerYuan, UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update();
        actionLog.record("policy.greenLimit", "platform", maxPointsPerYuan.toPlainString() + " points per yuan");
    }

    /** The policy in force now: public, as every limit on earning is. */
    public EarningPolicy current() {
        return at(clock.instant());
    }

    /** The policy that was in force at {@code moment}, with the point's published value then. */
    public EarningPolicy at(Instant moment) {
        return valued(jdbc.sql("SELECT " + COLUMNS + " FROM earning_policy WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1")
                .param(UtcTimes.toColumn(moment)).query(EarningPolicies::map).optional().orElse(defaults), moment);
    }

    /**
     * One policy by its row id (a purchase's context names it), or the defaults for none, with the point's published
     * value at {@code moment}; a policy row never changes.
     */
    EarningPolicy version(@Nullable Long id, Instant moment) {
        return valued(id == null ? defaults : versions.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM earning_policy WHERE id = ?")
                .param(key).query(EarningPolicies::map).optional()).orElseThrow(), moment);
    }

    /**
     * There is one point value, the catalog's (changed only with notice): the cap converts yuan into points with it. Rows
     * set before that (migration 0038) keep the value they recorded, so their purchases recompute as they were earned.
     */
    private EarningPolicy valued(BonusCap cap, Instant moment) {
        BigDecimal value = cap.recordedValue() != null ? cap.recordedValue() : pointValues.valueAt(moment).yuanPerPoint();
        return new EarningPolicy(cap.percent(), value, cap.effectiveFrom());
    }

    private static BonusCap map(ResultSet rs, int row) throws SQLException {
        return new BonusCap(rs.getBigDecimal("bonus_cap_percent"), rs.getBigDecimal("yuan_per_point"),
                UtcTimes.fromColumn(rs.getObject("effective_from", LocalDateTime.class)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void set(BigDecimal bonusCapPercent) {
        if (bonusCapPercent == null || bonusCapPercent.signum() < 0 || bonusCapPercent.compareTo(HUNDRED) > 0 || bonusCapPercent.scale() > 2) {
            throw new InvalidInputException("bonusCapPercent", "policy.cap.invalid");
        }
        jdbc.sql("INSERT INTO earning_policy (bonus_cap_percent, effective_from, set_by) VALUES (?, ?, ?)")
                .params(bonusCapPercent, UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update();
        actionLog.record("policy.bonusCap", "platform", bonusCapPercent.toPlainString() + "%");
    }
}
