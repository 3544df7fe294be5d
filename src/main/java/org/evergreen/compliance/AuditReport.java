package org.evergreen.compliance;

import org.evergreen.ledger.SealHead;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

/**
 * What happened to points in a period [from, to), generated from the ledger: every movement between members and the
 * accounts that pay or take points, by cause, with the purchases behind the issuance, refunds, cases and the seal head
 * at the period's end; and whether it all reconciles with the ledger to the point.
 *
 * @param lines       the points that reached members (positive) or left them (negative), by cause
 * @param members     the members' points at the start and end (the coalition's report only)
 * @param sealAtEnd   the newest seal made before the period's end, if any
 */
public record AuditReport(ReportScope scope, Instant from, Instant to, Instant generatedAt, List<Line> lines,
                          @Nullable MemberPoints members, PurchaseFigures purchases, CaseFigures cases,
                          Reconciliation reconciliation, @Nullable SealHead sealAtEnd) {

    /** Where points came from or went, seen from the member's side. */
    public enum Cause {
        /** Earned by purchases, paid by the merchant. */
        PURCHASES,
        /** A purchase's bonus paid by the platform (the green bonus, sign-up campaigns tied to a purchase). */
        PLATFORM_BONUS,
        /** Points the platform gave for something other than a purchase (sign-up bonus, promotion); listed by reason. */
        OTHER_ISSUANCE,
        /** Given to members whose redemption a merchant cancelled. */
        COMPENSATION,
        /** Taken back because a purchase was refunded. */
        REFUND_CLAWBACK,
        REDEEMED,
        EXPIRED,
        /** Taken after a case decided so. */
        DEDUCTED,
        /** A correction or any other movement, listed by its kind and reason. */
        CORRECTION
    }

    /** Points moved for one cause (and reason, for causes listed by reason) by this many entries. */
    public record Line(Cause cause, @Nullable String reason, long entries, long points) {
    }

    /** The points members held, frozen among them, at the period's start and end, and what was frozen and released in it. */
    public record MemberPoints(long opening, long closing, long frozenInPeriod, long releasedInPeriod, long frozenAtEnd) {
    }

    /**
     * The purchases recorded in the period and what the ledger issued for them.
     *
     * @param recordedPoints        what the purchases' records say they earned
     * @param ledgerPoints          what the ledger credited members for them
     * @param mismatchedPurchases   purchases whose record and ledger credit differ
     * @param conformanceMismatches purchases whose points differ from what their disclosed rules give
     */
    public record PurchaseFigures(long purchases, BigDecimal spend, long recordedPoints, long ledgerPoints, long mismatchedPurchases,
                                  long refunds, BigDecimal refunded, long conformanceChecked, long conformanceMismatches) {

        /** Points issued per yuan spent, to two places; zero when nothing was spent. */
        public BigDecimal pointsPerYuan() {
            return spend.signum() == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(ledgerPoints).divide(spend, 2, RoundingMode.HALF_UP);
        }
    }

    public record CaseFigures(long opened, long frozen, long released, long deducted, long deductedPoints) {
    }

    /**
     * @param difference       points the lines do not explain: the members' opening plus the lines minus their closing
     *                         (the coalition's report), plus the purchases' recorded points the ledger did not credit
     * @param unbalancedEntries entries of the period whose postings do not sum to zero
     */
    public record Reconciliation(long difference, long unbalancedEntries, long purchaseDifference) {

        public boolean reconciled() {
            return difference == 0 && unbalancedEntries == 0 && purchaseDifference == 0;
        }
    }

    /** The net points that reached members in the period. */
    public long netToMembers() {
        return lines.stream().mapToLong(Line::points).sum();
    }

    public long points(Cause cause) {
        return lines.stream().filter(line -> line.cause() == cause).mapToLong(Line::points).sum();
    }
}
