package org.evergreen.member;

import org.evergreen.member.internal.MemberRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.time.UtcTimes;
import org.evergreen.shared.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The platform's tiers: admins set the spend thresholds (each change kept), and the earning feature reports
 * each member's qualifying spend, from which their tier follows.
 */
@Service
public class Tiers {

    private static final BigDecimal MAX_SPEND = new BigDecimal("10000000");
    /**
     * How long a node keeps the thresholds it read: every purchase needs them, and they change a few times a year.
     * A change made on this node applies at once; on the others within this time.
     */
    static final Duration THRESHOLDS_KEPT_FOR = Duration.ofSeconds(1);

    private record ReadThresholds(TierThresholds thresholds, long readAtNanos, long changesBefore) {
    }

    private final JdbcClient jdbc;
    private final MemberRepository members;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;
    private final TierThresholds defaults;
    private volatile ReadThresholds lastRead;
    /** Changes committed on this node: a read that began before one is not kept past it. */
    private final AtomicLong changes = new AtomicLong();

    Tiers(JdbcClient jdbc, MemberRepository members, CurrentUser currentUser, ActionLog actionLog, Clock clock,
          @Value("${evergreen.tiers.silver-spend:5000}") BigDecimal silverSpend,
          @Value("${evergreen.tiers.gold-spend:20000}") BigDecimal goldSpend) {
        this.jdbc = jdbc;
        this.members = members;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
        this.defaults = new TierThresholds(silverSpend, goldSpend, null);
    }

    /** The thresholds in force: public, since members must know what a tier takes. */
    public TierThresholds thresholds() {
        ReadThresholds kept = lastRead;
        if (kept != null && kept.changesBefore() == changes.get()
                && System.nanoTime() - kept.readAtNanos() < THRESHOLDS_KEPT_FOR.toNanos()) {
            return kept.thresholds();
        }
        long changesBefore = changes.get();
        long readAt = System.nanoTime();
        TierThresholds current = jdbc.sql("SELECT silver_spend, gold_spend, set_at FROM member_tier_threshold ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new TierThresholds(rs.getBigDecimal("silver_spend"), rs.getBigDecimal("gold_spend"),
                        UtcTimes.fromColumn(rs.getObject("set_at", LocalDateTime.class))))
                .optional().orElse(defaults);
        lastRead = new ReadThresholds(current, readAt, changesBefore);
        return current;
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
        actionLog.record("tiers.thresholds", "platform", "silver " + silverSpend.toPlainString() + ", gold " + goldSpend.toPlainString());
        // Counted once committed: counted any earlier, a read in between could keep the old thresholds.
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                changes.incrementAndGet();
            }
        });
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
