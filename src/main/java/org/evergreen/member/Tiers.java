package org.evergreen.member;

import org.evergreen.member.internal.MemberRepository;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;

/**
 * The platform's tiers: admins set the spend thresholds (each change kept), and the earning feature reports
 * each member's qualifying spend, from which their tier follows.
 */
@Service
public class Tiers {

    private static final BigDecimal MAX_SPEND = new BigDecimal("10000000");

    private final JdbcClient jdbc;
    private final MemberRepository members;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final TierThresholds defaults;

    Tiers(JdbcClient jdbc, MemberRepository members, CurrentUser currentUser, Clock clock,
          @Value("${evergreen.tiers.silver-spend:5000}") BigDecimal silverSpend,
          @Value("${evergreen.tiers.gold-spend:20000}") BigDecimal goldSpend) {
        this.jdbc = jdbc;
        this.members = members;
        this.currentUser = currentUser;
        this.clock = clock;
        this.defaults = new TierThresholds(silverSpend, goldSpend, null);
    }

    /** The thresholds in force: public, since members must know what a tier takes. */
    public TierThresholds thresholds() {
        return jdbc.sql("SELECT silver_spend, gold_spend, set_at FROM member_tier_threshold ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new TierThresholds(rs.getBigDecimal("silver_spend"), rs.getBigDecimal("gold_spend"),
                        UtcTimes.fromColumn(rs.getObject("set_at", LocalDateTime.class))))
                .optional().orElse(defaults);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setThresholds(BigDecimal silverSpend, BigDecimal goldSpend) {
        requireSpend("silverSpend", silverSpend);
        requireSpend("goldSpend", goldSpend);
        if (goldSpend.compareTo(silverSpend) <= 0) {
            throw new InvalidInputException("goldSpend", "tiers.goldAboveSilver");
        }
        jdbc.sql("INSERT INTO member_tier_threshold (silver_spend, gold_spend, set_at, set_by) VALUES (?, ?, ?, ?)")
                .params(silverSpend, goldSpend, UtcTimes.toColumn(clock.instant()), currentUser.require().getUsername())
                .update();
    }

    /** Stores the tier that a member's newly worked-out qualifying spend gives them; returns it. */
    @PreAuthorize("hasRole('ADMIN')")
    public Tier recordQualifyingSpend(long memberId, BigDecimal qualifyingSpend) {
        return recordQualifyingSpend(memberId, qualifyingSpend, thresholds());
    }

    /** The same under thresholds the caller has just read (a purchase reads them once for both of its uses). */
    @PreAuthorize("hasRole('ADMIN')")
    public Tier recordQualifyingSpend(long memberId, BigDecimal qualifyingSpend, TierThresholds thresholds) {
        Tier tier = thresholds.tierFor(qualifyingSpend);
        members.updateTier(memberId, tier, qualifyingSpend);
        return tier;
    }

    private static void requireSpend(String field, BigDecimal spend) {
        if (spend == null || spend.signum() <= 0 || spend.scale() > 2 || spend.compareTo(MAX_SPEND) > 0) {
            throw new InvalidInputException(field, "tiers.spend.invalid", MAX_SPEND);
        }
    }
}
