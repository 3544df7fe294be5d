package org.evergreen.earning;

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
    private final Clock clock;
    private final EarningPolicy defaults;
    private final BigDecimal defaultGreenBonusLimit;
    private final ImmutableRowCache<EarningPolicy> versions = new ImmutableRowCache<>(1_000);

    EarningPolicies(JdbcClient jdbc, CurrentUser currentUser, Clock clock,
                    @Value("${evergreen.earning.bonus-cap-percent:10}") BigDecimal bonusCapPercent,
                    @Value("${evergreen.earning.yuan-per-point:0.01}") BigDecimal yuanPerPoint,
                    @Value("${evergreen.earning.max-green-points-per-yuan:5}") BigDecimal defaultGreenBonusLimit) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
        this.defaults = new EarningPolicy(bonusCapPercent, yuanPerPoint, null);
        this.defaultGreenBonusLimit = defaultGreenBonusLimit;
    }

    /** The most green points per yuan a merchant's new rule version may give: public, as every limit on earning is. */
    public BigDecimal greenBonusLimit() {
        return jdbc.sql("SELECT max_points_per_yuan FROM earning_green_bonus_limit ORDER BY set_at DESC, id DESC LIMIT 1")
                .query(BigDecimal.class).optional().orElse(defaultGreenBonusLimit);
    }

    /** Admins set the limit on merchants' green bonus; it applies to rule versions disclosed from now on. */
    @PreAuthorize("hasRole('ADMIN')")
    public void setGreenBonusLimit(BigDecimal maxPointsPerYuan) {
        if (maxPointsPerYuan == null || maxPointsPerYuan.signum() < 0 || maxPointsPerYuan.scale() > 2
                || maxPointsPerYuan.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInputException("maxGreenPointsPerYuan", "policy.greenLimit.invalid");
        }
        jdbc.sql("INSERT INTO earning_green_bonus_limit (max_points_per_yuan, set_at, set_by) VALUES (?, ?, ?)")
                .params(maxPointsPerYuan, UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update();
    }

    /** The policy in force now: public, as every limit on earning is. */
    public EarningPolicy current() {
        return at(clock.instant());
    }

    /** The policy that was in force at {@code moment}. */
    public EarningPolicy at(Instant moment) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM earning_policy WHERE effective_from <= ? ORDER BY effective_from DESC, id DESC LIMIT 1")
                .param(UtcTimes.toColumn(moment)).query(EarningPolicies::map).optional().orElse(defaults);
    }

    /** One policy by its row id (a purchase's context names it), or the defaults for none; a policy never changes. */
    EarningPolicy version(@Nullable Long id) {
        return id == null ? defaults : versions.get(id, key -> jdbc.sql("SELECT " + COLUMNS + " FROM earning_policy WHERE id = ?")
                .param(key).query(EarningPolicies::map).optional()).orElseThrow();
    }

    private static EarningPolicy map(ResultSet rs, int row) throws SQLException {
        return new EarningPolicy(rs.getBigDecimal("bonus_cap_percent"), rs.getBigDecimal("yuan_per_point"),
                UtcTimes.fromColumn(rs.getObject("effective_from", LocalDateTime.class)));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void set(BigDecimal bonusCapPercent, BigDecimal yuanPerPoint) {
        if (bonusCapPercent == null || bonusCapPercent.signum() < 0 || bonusCapPercent.compareTo(HUNDRED) > 0 || bonusCapPercent.scale() > 2) {
            throw new InvalidInputException("bonusCapPercent", "policy.cap.invalid");
        }
        if (yuanPerPoint == null || yuanPerPoint.signum() <= 0 || yuanPerPoint.compareTo(BigDecimal.ONE) > 0 || yuanPerPoint.scale() > 4) {
            throw new InvalidInputException("yuanPerPoint", "policy.value.invalid");
        }
        jdbc.sql("INSERT INTO earning_policy (bonus_cap_percent, yuan_per_point, effective_from, set_by) VALUES (?, ?, ?, ?)")
                .params(bonusCapPercent, yuanPerPoint, UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update();
    }
}
