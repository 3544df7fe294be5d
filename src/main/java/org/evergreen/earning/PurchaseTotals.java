package org.evergreen.earning;

import org.evergreen.earning.internal.PurchaseTotalsQuery;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;

/**
 * Totals worked out afresh from the purchase records themselves, net of refunds, for whoever checks figures kept
 * elsewhere (the green aggregates, nightly). A system job's reading, or an admin's.
 */
@Service
public class PurchaseTotals {

    /**
     * One member's month of purchases, net of refunds.
     *
     * @param purchases  purchases not refunded in full
     * @param greenSpend what the lines a green method covers cost, less their refunded units
     * @param co2eGrams  those lines' CO₂e less the share of their refunded units (rounded down over all of a line's refunds)
     * @param lastChange when the last of these purchases or their refunds was recorded
     */
    public record MemberMonth(long memberId, LocalDate month, int purchases, BigDecimal spend, BigDecimal greenSpend, long co2eGrams,
                              Instant lastChange) {
    }

    private final PurchaseTotalsQuery query;

    PurchaseTotals(PurchaseTotalsQuery query) {
        this.query = query;
    }

    /** The lowest member id from {@code fromMember} on among purchases from {@code fromPurchaseId} on; none if there is none. */
    @PreAuthorize("hasRole('ADMIN')")
    public OptionalLong nextMemberId(long fromPurchaseId, long fromMember) {
        return query.nextMemberId(fromPurchaseId, fromMember);
    }

    /**
     * The months (in the zone of {@code offset}, which must keep no daylight saving) of members {@code fromMember} up to
     * {@code untilMember} (excluded), counting purchases from {@code fromPurchaseId} on, ordered by member and month.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<MemberMonth> memberMonths(long fromPurchaseId, long fromMember, long untilMember, ZoneOffset offset) {
        return query.memberMonths(fromPurchaseId, fromMember, untilMember, offset);
    }
}
