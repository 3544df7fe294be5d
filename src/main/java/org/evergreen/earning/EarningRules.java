package org.evergreen.earning;

import org.evergreen.earning.internal.RuleSetRepository;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Merchants' earning rules. A new version is disclosed now and applies from a time not before now, so no rule
 * ever applies to a purchase made before it was public, and a purchase keeps the version it was made under.
 * Owners disclose their own merchant's rules, and can first simulate a basket under a draft.
 */
@Service
public class EarningRules {

    static final BigDecimal MAX_RATE = new BigDecimal("100");
    static final BigDecimal MAX_MULTIPLIER = new BigDecimal("5");
    static final long MAX_BONUS_POINTS = 100_000;
    private static final int MAX_CATEGORY_LENGTH = 64;
    private static final int MAX_RULES_PER_LIST = 50;

    private final RuleSetRepository ruleSets;
    private final Campaigns campaigns;
    private final EarningPolicies policies;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Clock clock;

    public EarningRules(RuleSetRepository ruleSets, Campaigns campaigns, EarningPolicies policies, CurrentUser currentUser, ActionLog actionLog, Clock clock) {
        this.ruleSets = ruleSets;
        this.campaigns = campaigns;
        this.policies = policies;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.clock = clock;
    }

    /** An owner discloses a new version of their own merchant's rules, effective now or later; returns its number. */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    @Transactional
    public int discloseMine(RuleSet rules, @Nullable Instant effectiveFrom) {
        return disclose(currentUser.merchantId(), rules, effectiveFrom);
    }

    /** The platform discloses rules for a merchant (its first rules at approval, the demo data). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public int disclose(long merchantId, RuleSet rules, @Nullable Instant effectiveFrom) {
        Instant now = clock.instant();
        Instant from = effectiveFrom == null ? now : effectiveFrom;
        RuleSet checked = checked(rules);
        if (from.isBefore(now)) {
            throw new InvalidInputException("effectiveFrom", "rules.retroactive");
        }
        BigDecimal greenLimit = policies.greenBonusLimit();
        if (checked.greenPointsPerYuan().compareTo(greenLimit) > 0) {
            throw new InvalidInputException("greenPointsPerYuan", "rules.green.aboveLimit", DisplayFormats.plain(greenLimit));
        }
        int version = ruleSets.nextVersion(merchantId);
        ruleSets.insert(merchantId, version, checked, now, from, currentUser.require().getUsername());
        actionLog.record("rules.disclosed", "merchant:" + merchantId, "version " + version + ", effective " + from);
        return version;
    }

    /** Every version of the signed-in merchant's rules, newest first. */
    @PreAuthorize("hasRole('MERCHANT')")
    public List<RuleSetVersion> myVersions() {
        return ruleSets.versions(List.of(currentUser.merchantId()));
    }

    /**
     * What a basket would earn under draft rules at {@code moment}, with the merchant's and the platform's
     * campaigns of that moment and the platform's cap: exactly what a till would be answered.
     */
    @PreAuthorize("hasRole('MERCHANT')")
    public PointsCalculation simulate(RuleSet draft, List<PurchaseRequest.Line> basket, EarningFacts facts, Instant moment) {
        RuleSet checked = checked(draft);
        BigDecimal total = totalOf(basket);
        long merchantId = currentUser.merchantId();
        return PointsCalculator.calculate(basket, total, moment, new RuleSetVersion(merchantId, 0, checked, moment, moment),
                campaigns.inEffect(merchantId, moment, facts.memberJoinedAt()), policies.at(moment), facts);
    }

    /**
     * What a basket earns at the start of a draft campaign, with it and without it: under the merchant's rule version in
     * effect then, the campaigns running then and the platform's cap. An owner sees what a launch changes before launching.
     */
    public record CampaignPreview(Campaign campaign, PointsCalculation without, PointsCalculation with) {
    }

    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    public CampaignPreview previewCampaign(CampaignDraft draft, List<PurchaseRequest.Line> basket, EarningFacts facts) {
        long merchantId = currentUser.merchantId();
        // Campaigns apply in id order and a launched one gets the highest id yet: the draft comes last here too.
        Campaign campaign = campaigns.checked(merchantId, draft).withId(Long.MAX_VALUE);
        BigDecimal total = totalOf(basket);
        Instant moment = campaign.startsAt();
        // The version a purchase at that moment gets: the latest in effect by then (PurchaseRepository#context).
        RuleSetVersion rules = ruleSets.versions(List.of(merchantId)).stream().filter(version -> !version.effectiveFrom().isAfter(moment))
                .max(Comparator.comparing(RuleSetVersion::effectiveFrom).thenComparingInt(RuleSetVersion::version))
                .orElseThrow(() -> new InvalidInputException("rules", "campaign.preview.noRules"));
        List<Campaign> running = campaigns.inEffect(merchantId, moment, facts.memberJoinedAt());
        List<Campaign> withDraft = new ArrayList<>(running);
        withDraft.add(campaign);
        EarningPolicy policy = policies.at(moment);
        return new CampaignPreview(campaign, PointsCalculator.calculate(basket, total, moment, rules, running, policy, facts),
                PointsCalculator.calculate(basket, total, moment, rules, withDraft, policy, facts));
    }

    private static BigDecimal totalOf(List<PurchaseRequest.Line> basket) {
        if (basket.isEmpty()) {
            throw new InvalidInputException("basket", "rules.simulate.empty");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (PurchaseRequest.Line line : basket) {
            if (line.quantity() < 1 || line.quantity() > 10_000 || line.unitPrice().signum() < 0 || line.unitPrice().scale() > 2
                    || !TextRules.isPlainText(line.category(), MAX_CATEGORY_LENGTH)) {
                throw new InvalidInputException("basket", "rules.simulate.line");
            }
            total = total.add(line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return total;
    }

    /** Every disclosed version of these merchants' rules, newest first: public, as disclosure demands. */
    public List<RuleSetVersion> disclosed(Collection<Long> merchantIds) {
        return merchantIds.isEmpty() ? List.of() : ruleSets.versions(merchantIds);
    }

    /** One version by its row id (a purchase's context names it). */
    Optional<RuleSetVersion> version(long id) {
        return ruleSets.byId(id);
    }

    /** The rules with their categories normalized, or the first thing wrong with them. */
    static RuleSet checked(RuleSet rules) {
        requireRate("basePointsPerYuan", rules.basePointsPerYuan());
        requireRate("greenPointsPerYuan", rules.greenPointsPerYuan());
        requireMultiplier("silverMultiplier", rules.silverMultiplier());
        requireMultiplier("goldMultiplier", rules.goldMultiplier());
        if (rules.categoryRates().size() > MAX_RULES_PER_LIST || rules.unitRates().size() > MAX_RULES_PER_LIST
                || rules.comboBonuses().size() > MAX_RULES_PER_LIST) {
            throw new InvalidInputException("rules", "rules.tooMany", MAX_RULES_PER_LIST);
        }
        Set<String> rated = new HashSet<>();
        List<RuleSet.CategoryRate> categoryRates = new ArrayList<>();
        for (RuleSet.CategoryRate rate : rules.categoryRates()) {
            String category = category("categoryRates", rate.category());
            requireRate("categoryRates", rate.pointsPerYuan());
            requireUnrated(rated, category, "categoryRates");
            categoryRates.add(new RuleSet.CategoryRate(category, rate.pointsPerYuan()));
        }
        List<RuleSet.UnitRate> unitRates = new ArrayList<>();
        for (RuleSet.UnitRate rate : rules.unitRates()) {
            String category = category("unitRates", rate.category());
            requireUnitPoints(rate.ordinaryPoints(), rate.silverPoints(), rate.goldPoints());
            requireUnrated(rated, category, "unitRates");
            unitRates.add(new RuleSet.UnitRate(category, rate.ordinaryPoints(), rate.silverPoints(), rate.goldPoints()));
        }
        List<RuleSet.ComboBonus> combos = new ArrayList<>();
        Set<String> pairs = new HashSet<>();
        for (RuleSet.ComboBonus combo : rules.comboBonuses()) {
            String first = category("comboBonuses", combo.firstCategory());
            String second = category("comboBonuses", combo.secondCategory());
            if (first.equals(second)) {
                throw new InvalidInputException("comboBonuses", "rules.combo.sameCategory");
            }
            if (combo.points() < 1 || combo.points() > MAX_BONUS_POINTS) {
                throw new InvalidInputException("comboBonuses", "rules.bonus.invalid", MAX_BONUS_POINTS);
            }
            if (!pairs.add(first.compareTo(second) < 0 ? first + "+" + second : second + "+" + first)) {
                throw new InvalidInputException("comboBonuses", "rules.combo.repeated", first, second);
            }
            combos.add(new RuleSet.ComboBonus(first, second, combo.points()));
        }
        return new RuleSet(rules.basePointsPerYuan(), categoryRates, unitRates, rules.silverMultiplier(), rules.goldMultiplier(),
                combos, rules.greenPointsPerYuan());
    }

    /** A category name as rules and tills match it: plain text without commas, in lower case. */
    static String category(String field, @Nullable String name) {
        String category = RuleSet.normalizedCategory(TextRules.requirePlainText(field, name, MAX_CATEGORY_LENGTH));
        if (category.contains(",")) {
            throw new InvalidInputException(field, "rules.category.comma");
        }
        return category;
    }

    private static void requireUnrated(Set<String> rated, String category, String field) {
        if (!rated.add(category)) {
            throw new InvalidInputException(field, "rules.category.repeated", category);
        }
    }

    private static void requireRate(String field, @Nullable BigDecimal rate) {
        if (rate == null || rate.signum() < 0 || rate.compareTo(MAX_RATE) > 0 || rate.scale() > 2) {
            throw new InvalidInputException(field, "rules.rate.invalid", MAX_RATE);
        }
    }

    private static void requireUnitPoints(long... unitPoints) {
        for (long points : unitPoints) {
            if (points < 0 || points > MAX_BONUS_POINTS) {
                throw new InvalidInputException("unitRates", "rules.unit.invalid", MAX_BONUS_POINTS);
            }
        }
    }

    private static void requireMultiplier(String field, @Nullable BigDecimal multiplier) {
        if (multiplier == null || multiplier.compareTo(BigDecimal.ONE) < 0 || multiplier.compareTo(MAX_MULTIPLIER) > 0
                || multiplier.scale() > 2) {
            throw new InvalidInputException(field, "rules.multiplier.invalid", MAX_MULTIPLIER);
        }
    }
}
