package org.evergreen.compliance;

import org.evergreen.compliance.AuditReport.Cause;
import org.evergreen.compliance.internal.AuditReportQuery;
import org.evergreen.compliance.internal.AuditReportQuery.CounterPostings;
import org.evergreen.earning.Conformance;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Audit reports for any period, of the coalition, a merchant or a district, generated from the ledger in one snapshot
 * and reconciled with it to the point: the lines (every posting of the period on the accounts that pay or take points,
 * by cause) must explain the members' points from the period's start to its end, every entry must balance, and the
 * ledger must have credited each purchase what its record says it earned. The report names any difference.
 */
@Service
public class AuditReports {

    /** The longest period one report covers: longer ones are several reports. */
    static final Duration LONGEST_PERIOD = Duration.ofDays(366);

    private final AuditReportQuery query;
    private final Conformance conformance;
    private final Clock clock;

    private final CurrentUser currentUser;
    private final MerchantDirectory merchantDirectory;

    AuditReports(AuditReportQuery query, Conformance conformance, CurrentUser currentUser, MerchantDirectory merchantDirectory, Clock clock) {
        this.query = query;
        this.currentUser = currentUser;
        this.merchantDirectory = merchantDirectory;
        this.conformance = conformance;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    @Transactional(readOnly = true)
    public AuditReport report(ReportScope scope, Instant from, Instant to) {
        if (!from.isBefore(to) || Duration.between(from, to).compareTo(LONGEST_PERIOD) > 0) {
            throw new InvalidInputException("period", "audit.report.period");
        }
        if (scope.kind() == ReportScope.Kind.REGION && scope.regionCode() == null
                || scope.kind() == ReportScope.Kind.MERCHANT && scope.merchantId() == null) {
            throw new InvalidInputException("scope", "audit.report.scope");
        }
        requireSupervised(scope);
        @Nullable List<Long> merchants = switch (scope.kind()) {
            case COALITION -> null;
            case MERCHANT -> List.of(Objects.requireNonNull(scope.merchantId()));
            case REGION -> query.merchantsInRegion(Objects.requireNonNull(scope.regionCode()));
        };
        @Nullable List<Long> accounts = merchants == null ? null : query.merchantAccounts(merchants);
        List<AuditReport.Line> lines = lines(query.counterPostings(from, to, accounts));
        long netToMembers = lines.stream().mapToLong(AuditReport.Line::points).sum();

        AuditReport.MemberPoints members = null;
        long difference = 0;
        if (merchants == null) {
            long closing = query.memberBalances() - query.memberPostings(to, null, null, null);
            long opening = closing - query.memberPostings(from, to, null, null);
            long frozenAtEnd = query.frozenBalance() - query.memberPostings(to, null, AccountType.MEMBER_FROZEN, null);
            members = new AuditReport.MemberPoints(opening, closing,
                    query.memberPostings(from, to, AccountType.MEMBER_FROZEN, EntryKind.FREEZE),
                    -query.memberPostings(from, to, AccountType.MEMBER_FROZEN, EntryKind.UNFREEZE), frozenAtEnd);
            difference = opening + netToMembers - closing;
        }
        AuditReportQuery.PurchaseSums purchases = query.purchases(from, to, merchants);
        AuditReportQuery.RefundSums refunds = query.refunds(from, to, merchants);
        Conformance.Report conforming = conformance.check(scope.merchantId(), from, to);
        long conformanceMismatches = merchants == null || scope.kind() == ReportScope.Kind.MERCHANT ? conforming.mismatches()
                : merchants.stream().mapToLong(merchant -> conforming.mismatchesByMerchant().getOrDefault(merchant, 0L)).sum();
        long conformanceChecked = merchants == null || scope.kind() == ReportScope.Kind.MERCHANT ? conforming.checked() : purchases.purchases();
        AuditReportQuery.CaseSums cases = query.cases(from, to, merchants);
        return new AuditReport(scope, from, to, clock.instant(), lines, members,
                new AuditReport.PurchaseFigures(purchases.purchases(), purchases.spend(), purchases.recordedPoints(), purchases.ledgerPoints(),
                        purchases.mismatched(), refunds.refunds(), refunds.amount(), conformanceChecked, conformanceMismatches),
                new AuditReport.CaseFigures(cases.opened(), cases.frozen(), cases.released(), cases.deducted(), cases.deductedPoints()),
                new AuditReport.Reconciliation(difference, query.unbalancedEntries(from, to, accounts),
                        purchases.recordedPoints() - purchases.ledgerPoints()),
                query.sealBefore(to).orElse(null));
    }

    /** A regulator limited to districts reports on those districts and their merchants, never on the whole coalition. */
    private void requireSupervised(ReportScope scope) {
        currentUser.supervisedRegions().ifPresent(regions -> {
            boolean allowed = switch (scope.kind()) {
                case COALITION -> false;
                case REGION -> regions.contains(scope.regionCode());
                case MERCHANT -> merchantDirectory.merchantsIn(regions).contains(scope.merchantId());
            };
            if (!allowed) {
                throw new AccessDeniedException("Outside the districts this regulator supervises");
            }
        });
    }

    /** The counter-postings as the member sees them (a debit of the paying account is points to members), one line per cause. */
    private static List<AuditReport.Line> lines(List<CounterPostings> postings) {
        record Key(Cause cause, @Nullable String reason) {
        }
        Map<Key, long[]> sums = new LinkedHashMap<>();
        for (CounterPostings posting : postings) {
            Cause cause = causeOf(posting);
            String reason = cause == Cause.OTHER_ISSUANCE || cause == Cause.CORRECTION
                    ? Objects.requireNonNullElse(posting.reason(), posting.kind().name()) : null;
            long[] sum = sums.computeIfAbsent(new Key(cause, reason), key -> new long[2]);
            sum[0] += posting.entries();
            sum[1] -= posting.amount();
        }
        List<AuditReport.Line> lines = new ArrayList<>();
        sums.forEach((key, sum) -> lines.add(new AuditReport.Line(key.cause(), key.reason(), sum[0], sum[1])));
        lines.sort(Comparator.comparing(AuditReport.Line::cause)
                .thenComparing(line -> Objects.requireNonNullElse(line.reason(), "")));
        return List.copyOf(lines);
    }

    private static Cause causeOf(CounterPostings posting) {
        if (posting.kind() == EntryKind.COMPENSATION || posting.accountType() == AccountType.PLATFORM_COMPENSATION) {
            return Cause.COMPENSATION;
        }
        if (posting.kind() == EntryKind.ADJUSTMENT) {
            return Cause.CORRECTION;
        }
        return switch (posting.accountType()) {
            case MERCHANT_ISSUANCE -> posting.kind() == EntryKind.REVERSAL ? Cause.REFUND_CLAWBACK
                    : posting.kind() == EntryKind.EARN ? Cause.PURCHASES : Cause.CORRECTION;
            case PLATFORM_PROMOTION -> posting.kind() == EntryKind.REVERSAL ? Cause.REFUND_CLAWBACK
                    : posting.forPurchase() ? Cause.PLATFORM_BONUS : Cause.OTHER_ISSUANCE;
            case MERCHANT_REDEMPTION -> Cause.REDEEMED;
            case PLATFORM_BREAKAGE -> Cause.EXPIRED;
            case PLATFORM_RECOVERY -> Cause.DEDUCTED;
            default -> Cause.CORRECTION;
        };
    }
}
