package org.evergreen.green;

import org.evergreen.earning.PurchaseTotals;
import org.evergreen.earning.PurchaseTotals.MemberMonth;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.time.UtcTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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

    GreenReconciliation(PurchaseTotals totals, JdbcClient jdbc, Clock clock, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
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

    /** Compares every member-month now, keeps the report and returns it. */
    @PreAuthorize("hasRole('ADMIN')")
    public ReconciliationReport check() {
        Instant ranAt = clock.instant();
        // Purchases recorded before the green feature listened were never counted: the check starts with the first it saw.
        long firstPurchase = jdbc.sql("SELECT COALESCE(MIN(purchase_id), -1) FROM green_purchase").query(Long.class).single();
        long compared = 0;
        long mismatches = 0;
        List<String> differences = new ArrayList<>();
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
                for (String key : keys.keySet()) {
                    compared++;
                    Optional<String> difference = difference(key, expected.get(key), kept.get(key));
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
                .params(UtcTimes.toColumn(ranAt), compared, mismatches, String.join("\n", differences)).update();
        if (mismatches > 0) {
            log.warn("Green aggregates differ from the purchase records in {} of {} member-months; first: {}", mismatches, compared,
                    differences.getFirst());
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
                        : Arrays.asList(rs.getString("details").split("\n"))))
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
                            rs.getBigDecimal("spend"), rs.getBigDecimal("green_spend"), rs.getLong("co2e_grams"));
                    kept.put(key(month.memberId(), month.month()), month);
                });
        return kept;
    }

    /** "member 42, 2026-12: spend 81.00 kept, 71.00 recomputed", or nothing when they agree (a missing row counts as zeros). */
    private static Optional<String> difference(String key, MemberMonth expected, MemberMonth kept) {
        List<String> fields = new ArrayList<>();
        compare(fields, "purchases", kept == null ? 0 : kept.purchases(), expected == null ? 0 : expected.purchases());
        compare(fields, "spend", kept == null ? "0.00" : kept.spend().toPlainString(), expected == null ? "0.00" : expected.spend().toPlainString());
        compare(fields, "green spend", kept == null ? "0.00" : kept.greenSpend().toPlainString(),
                expected == null ? "0.00" : expected.greenSpend().toPlainString());
        compare(fields, "CO2e g", kept == null ? 0 : kept.co2eGrams(), expected == null ? 0 : expected.co2eGrams());
        return fields.isEmpty() ? Optional.empty() : Optional.of(key + ": " + String.join("; ", fields));
    }

    private static void compare(List<String> fields, String name, Object kept, Object recomputed) {
        boolean same = kept instanceof String keptText && recomputed instanceof String recomputedText
                ? new java.math.BigDecimal(keptText).compareTo(new java.math.BigDecimal(recomputedText)) == 0 : Objects.equals(kept, recomputed);
        if (!same) {
            fields.add(name + " " + kept + " kept, " + recomputed + " recomputed");
        }
    }

    private static String key(long memberId, LocalDate month) {
        return "member %d, %s".formatted(memberId, month.toString().substring(0, 7));
    }
}
