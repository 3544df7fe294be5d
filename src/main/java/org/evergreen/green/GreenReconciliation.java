package org.evergreen.green;

import org.evergreen.earning.PurchaseTotals;
import org.evergreen.earning.PurchaseTotals.MemberMonth;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Checks, nightly, that the members' monthly aggregates (what the reports show, kept incrementally from the events) are
 * what a full recomputation from the purchase records gives: purchases, spend, green spend and CO₂e of every member and
 * month, a range of members at a time. Differences are reported with both figures and kept; nothing is corrected
 * silently. Green points are not compared: their refunded share is rounded refund by refund, which no recomputation
 * from totals can redo.
 */
@Service
public class GreenReconciliation {

    private static final Logger log = LoggerFactory.getLogger(GreenReconciliation.class);
    private static final int MEMBERS_PER_BATCH = 5_000;

    private final PurchaseTotals totals;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneOffset offset;
    private final Duration settling;

    /**
     * @param settling months changed this recently are left out: their events may still be on their way to the aggregates
     */
    GreenReconciliation(PurchaseTotals totals, JdbcClient jdbc, Clock clock, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone,
                        @Value("${evergreen.green.reconciliation-settling:PT10M}") Duration settling) {
        this.settling = settling;
        this.totals = totals;
        this.jdbc = jdbc;
        this.clock = clock;
        // The platform's zone keeps no daylight saving (Beijing time), so one offset places every purchase in its month.
        this.offset = zone.getRules().getOffset(clock.instant());
    }

    @Scheduled(cron = "${evergreen.green.reconciliation-cron:0 40 3 * * *}", zone = "${evergreen.time-zone:Asia/Shanghai}")
    void nightly() {
        SystemActor.run(this::check);
    }

    /** Compares every member-month not changed in the last minutes, keeps the report and returns it. */
    @PreAuthorize("hasRole('ADMIN')")
    public ReconciliationReport check() {
        Instant ranAt = clock.instant();
        // Purchases counted before the methods decided green lines (no day kept) were counted by the till's flag, which the
        // purchase records no longer carry: the check starts with the first purchase counted by the methods.
        long firstPurchase = jdbc.sql("SELECT COALESCE(MIN(purchase_id), -1) FROM green_purchase WHERE purchased_on IS NOT NULL")
                .query(Long.class).single();
        long compared = 0;
        long mismatches = 0;
        List<ReconciliationReport.Difference> differences = new ArrayList<>();
        if (firstPurchase >= 0) {
            // Spans of member ids, skipping the empty ones: each starts at the next member either side knows.
            for (long from = 0; ; from += MEMBERS_PER_BATCH) {
                OptionalLong nextPurchaser = totals.nextMemberId(firstPurchase, from);
                long nextKept = jdbc.sql("SELECT COALESCE(MIN(member_id), -1) FROM green_member_month WHERE member_id >= ?").param(from)
                        .query(Long.class).single();
                if (nextPurchaser.isEmpty() && nextKept < 0) {
                    break;
                }
                from = Math.min(nextPurchaser.orElse(Long.MAX_VALUE), nextKept < 0 ? Long.MAX_VALUE : nextKept);
                Map<String, MemberMonth> expected = new TreeMap<>();
                for (MemberMonth month : totals.memberMonths(firstPurchase, from, from + MEMBERS_PER_BATCH, offset)) {
                    expected.put(key(month.memberId(), month.month()), month);
                }
                Map<String, MemberMonth> kept = kept(from, from + MEMBERS_PER_BATCH);
                TreeMap<String, Boolean> keys = new TreeMap<>();
                expected.keySet().forEach(key -> keys.put(key, true));
                kept.keySet().forEach(key -> keys.put(key, true));
                Instant settled = ranAt.minus(settling);
                for (String key : keys.keySet()) {
                    MemberMonth recomputed = expected.get(key);
                    if (recomputed != null && recomputed.lastChange().isAfter(settled)) {
                        // A purchase or refund of the last minutes may still be on its way to the aggregates.
                        continue;
                    }
                    compared++;
                    Optional<ReconciliationReport.Difference> difference = difference(recomputed, kept.get(key));
                    if (difference.isPresent()) {
                        mismatches++;
                        if (differences.size() < ReconciliationReport.DIFFERENCES_KEPT) {
                            differences.add(difference.get());
                        }
                    }
                }
            }
        }
        ReconciliationReport report = new ReconciliationReport(ranAt, compared, mismatches, List.copyOf(differences));
        jdbc.sql("INSERT INTO green_reconciliation (ran_at, compared, mismatches, details) VALUES (?, ?, ?, ?)")
                .params(UtcTimes.toColumn(ranAt), compared, mismatches,
                        String.join("\n", differences.stream().map(ReconciliationReport.Difference::stored).toList())).update();
        if (mismatches > 0) {
            log.warn("Green aggregates differ from the purchase records in {} of {} member-months; first: {}", mismatches, compared,
                    differences.getFirst().stored());
        } else {
            log.info("Green aggregates match the purchase records in all {} member-months", compared);
        }
        return report;
    }

    /** The last check's report, if one ran. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<ReconciliationReport> last() {
        return jdbc.sql("SELECT ran_at, compared, mismatches, details FROM green_reconciliation ORDER BY ran_at DESC, id DESC LIMIT 1")
                .query((rs, n) -> new ReconciliationReport(UtcTimes.fromColumn(rs.getObject("ran_at", LocalDateTime.class)), rs.getLong("compared"),
                        rs.getLong("mismatches"), rs.getString("details").isEmpty() ? List.of()
                        : Arrays.stream(rs.getString("details").split("\n")).map(ReconciliationReport.Difference::parse).toList()))
                .optional();
    }

    private Map<String, MemberMonth> kept(long fromMember, long untilMember) {
        Map<String, MemberMonth> kept = new TreeMap<>();
        jdbc.sql("""
                        SELECT member_id, month, purchases, spend, green_spend, co2e_grams FROM green_member_month
                        WHERE member_id >= ? AND member_id < ?""")
                .params(fromMember, untilMember)
                .query(rs -> {
                    MemberMonth month = new MemberMonth(rs.getLong("member_id"), rs.getObject("month", LocalDate.class), rs.getInt("purchases"),
                            rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("co2e_grams"), Instant.EPOCH);
                    kept.put(key(month.memberId(), month.month()), month);
                });
        return kept;
    }

    /** The fields in which the kept month differs from the recomputed one (a missing month counts as zeros); none when they agree. */
    private static Optional<ReconciliationReport.Difference> difference(@Nullable MemberMonth recomputed, @Nullable MemberMonth kept) {
        MemberMonth either = recomputed != null ? recomputed : kept;
        MemberMonth expected = recomputed != null ? recomputed : empty(either);
        MemberMonth actual = kept != null ? kept : empty(either);
        List<ReconciliationReport.Field> fields = new ArrayList<>();
        compare(fields, "purchases", actual.purchases(), expected.purchases());
        compare(fields, "spend", actual.spend(), expected.spend());
        compare(fields, "greenSpend", actual.greenSpend(), expected.greenSpend());
        compare(fields, "co2eGrams", actual.co2eGrams(), expected.co2eGrams());
        return fields.isEmpty() ? Optional.empty()
                : Optional.of(new ReconciliationReport.Difference(either.memberId(), YearMonth.from(either.month()), List.copyOf(fields)));
    }

    private static MemberMonth empty(MemberMonth like) {
        return new MemberMonth(like.memberId(), like.month(), 0, BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), 0, Instant.EPOCH);
    }

    private static void compare(List<ReconciliationReport.Field> fields, String name, Object kept, Object recomputed) {
        boolean same = kept instanceof BigDecimal keptAmount && recomputed instanceof BigDecimal recomputedAmount
                ? keptAmount.compareTo(recomputedAmount) == 0 : kept.equals(recomputed);
        if (!same) {
            fields.add(new ReconciliationReport.Field(name, plain(kept), plain(recomputed)));
        }
    }

    private static String plain(Object figure) {
        return figure instanceof BigDecimal amount ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : figure.toString();
    }

    private static String key(long memberId, LocalDate month) {
        return memberId + "|" + month;
    }
}
