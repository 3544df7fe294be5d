package org.evergreen.earning;

import org.evergreen.earning.internal.ConformanceQuery;
import org.evergreen.earning.internal.ConformanceQuery.RecordedPurchase;
import org.evergreen.merchant.MerchantDirectory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Disclosed against actual: recomputes every purchase's points from its recorded lines, with the rule version it
 * recorded, the campaigns that ran at its time and the platform's cap then, and names every purchase whose points differ.
 */
@Service
public class Conformance {

    static final int PAGE = 500;
    /** The most differences a report lists one by one; all are counted. */
    static final int MAX_LISTED = 1_000;

    /** A purchase whose recorded points differ from what its disclosed rules give. */
    public record Finding(long purchaseId, long merchantId, Instant purchasedAt, long recorded, long recomputed) {
    }

    /**
     * @param checked           purchases recomputed
     * @param mismatchesByMerchant how many differ, per merchant
     */
    public record Report(long checked, long mismatches, Map<Long, Long> mismatchesByMerchant, List<Finding> findings) {
    }

    private final ConformanceQuery purchases;
    private final EarningRules rules;
    private final Campaigns campaigns;
    private final EarningPolicies policies;

    private final MerchantDirectory merchants;

    Conformance(ConformanceQuery purchases, EarningRules rules, Campaigns campaigns, EarningPolicies policies, MerchantDirectory merchants) {
        this.purchases = purchases;
        this.merchants = merchants;
        this.rules = rules;
        this.campaigns = campaigns;
        this.policies = policies;
    }

    /**
     * Recomputes the purchases made in [from, to), of one merchant or of all (for a regulator limited to districts, of
     * all the merchants it oversees; another merchant is refused).
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    @Transactional(readOnly = true)
    public Report check(@Nullable Long merchantId, Instant from, Instant to) {
        Optional<Set<Long>> supervised = merchants.supervisedMerchants();
        if (merchantId != null && supervised.isPresent() && !supervised.get().contains(merchantId)) {
            throw new AccessDeniedException("Merchant outside the districts this regulator supervises");
        }
        List<@Nullable Long> scopes = merchantId != null || supervised.isEmpty() ? Collections.singletonList(merchantId)
                : new TreeSet<>(supervised.get()).stream().<@Nullable Long>map(id -> id).toList();
        long checked = 0;
        long mismatches = 0;
        Map<Long, Long> byMerchant = new TreeMap<>();
        List<Finding> findings = new ArrayList<>();
        for (Long scope : scopes) {
            long after = 0;
            List<RecordedPurchase> page;
            do {
                page = purchases.page(scope, from, to, after, PAGE);
                for (RecordedPurchase purchase : page) {
                    long recomputed = recompute(purchase);
                    checked++;
                    if (recomputed != purchase.points()) {
                        mismatches++;
                        byMerchant.merge(purchase.merchantId(), 1L, Long::sum);
                        if (findings.size() < MAX_LISTED) {
                            findings.add(new Finding(purchase.id(), purchase.merchantId(), purchase.purchasedAt(), purchase.points(), recomputed));
                        }
                    }
                    after = purchase.id();
                }
            } while (page.size() == PAGE);
        }
        return new Report(checked, mismatches, byMerchant, findings);
    }

    /** The points the disclosed rules give the purchase as recorded; -1 when its rule version cannot be found. */
    private long recompute(RecordedPurchase purchase) {
        return rules.version(purchase.ruleSetId()).map(version -> PointsCalculator.calculate(purchase.lines(), purchase.total(),
                        purchase.purchasedAt(), version, campaigns.versions(purchase.campaignIds()), policies.at(purchase.purchasedAt()),
                        new EarningFacts(purchase.tier(), purchase.firstHere(), purchase.firstAnywhere(), purchase.memberJoinedAt())).points())
                .orElse(-1L);
    }
}
