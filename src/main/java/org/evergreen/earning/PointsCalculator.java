package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.evergreen.shared.i18n.DisplayFormats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Works out the points of a basket under one rule version, the campaigns disclosed for it, and the platform's
 * cap. A pure function, so the till, the merchant's simulator and the tests get the very same answer. Each
 * rule's points are rounded down once, over all the lines it applies to.
 */
public final class PointsCalculator {

    private PointsCalculator() {
    }

    /** One basket line with the points it earns before bonuses, unrounded. */
    private record Priced(String category, BigDecimal amount, boolean green, BigDecimal basePoints, boolean rateBased) {
    }

    public static PointsCalculation calculate(List<PurchaseRequest.Line> basket, BigDecimal total, Instant purchasedAt,
                                              RuleSetVersion version, List<Campaign> campaigns, EarningPolicy policy,
                                              EarningFacts facts) {
        RuleSet rules = version.rules();
        int v = version.version();
        Tier tier = facts.tier();
        List<Priced> lines = basket.stream().map(line -> price(line, rules, tier)).toList();
        List<RuleLine> result = new ArrayList<>();

        BigDecimal baseAmount = BigDecimal.ZERO;
        Map<String, BigDecimal> categoryAmounts = new LinkedHashMap<>();
        Map<String, BigDecimal> unitPoints = new LinkedHashMap<>();
        for (Priced line : lines) {
            if (!line.rateBased()) {
                unitPoints.merge(line.category(), line.basePoints(), BigDecimal::add);
            } else if (rules.categoryRateOf(line.category()) != null) {
                categoryAmounts.merge(line.category(), line.amount(), BigDecimal::add);
            } else {
                baseAmount = baseAmount.add(line.amount());
            }
        }
        long rateBased = 0;
        long base = floor(baseAmount.multiply(rules.basePointsPerYuan()));
        add(result, new RuleLine(RuleKind.BASE, "", v, null, base, false));
        rateBased += base;
        for (var category : categoryAmounts.entrySet()) {
            long points = floor(category.getValue().multiply(rules.categoryRateOf(category.getKey())));
            add(result, new RuleLine(RuleKind.CATEGORY, category.getKey(), v, null, points, false));
            rateBased += points;
        }
        unitPoints.forEach((category, points) -> add(result, new RuleLine(RuleKind.UNIT, category, v, null, floor(points), false)));

        BigDecimal multiplier = rules.multiplierFor(tier);
        add(result, new RuleLine(RuleKind.TIER, tier.name(), v, null,
                floor(BigDecimal.valueOf(rateBased).multiply(multiplier.subtract(BigDecimal.ONE))), false));
        Set<String> categories = lines.stream().map(Priced::category).collect(Collectors.toSet());
        for (RuleSet.ComboBonus combo : rules.comboBonuses()) {
            if (categories.contains(combo.firstCategory()) && categories.contains(combo.secondCategory())) {
                add(result, new RuleLine(RuleKind.COMBO, combo.firstCategory() + "+" + combo.secondCategory(), v, null, combo.points(), false));
            }
        }
        BigDecimal greenAmount = lines.stream().filter(Priced::green).map(Priced::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        add(result, new RuleLine(RuleKind.GREEN, "", v, null, floor(greenAmount.multiply(rules.greenPointsPerYuan())), false));

        campaigns.stream().sorted(Comparator.comparingLong(Campaign::id))
                .filter(campaign -> campaign.targets(tier) && applies(campaign, purchasedAt, facts))
                .forEach(campaign -> add(result, new RuleLine(RuleKind.CAMPAIGN, campaign.kind().name(), null, campaign.id(),
                        campaignPoints(campaign, lines), campaign.merchantId() == null)));

        capBonuses(result, policy, total);
        return new PointsCalculation(result);
    }

    private static Priced price(PurchaseRequest.Line line, RuleSet rules, Tier tier) {
        String category = RuleSet.normalizedCategory(line.category());
        BigDecimal amount = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
        RuleSet.UnitRate unitRate = rules.unitRateOf(category);
        if (unitRate != null) {
            return new Priced(category, amount, line.green(), BigDecimal.valueOf(unitRate.pointsFor(tier) * line.quantity()), false);
        }
        BigDecimal rate = rules.categoryRateOf(category);
        return new Priced(category, amount, line.green(), amount.multiply(rate != null ? rate : rules.basePointsPerYuan()), true);
    }

    private static boolean applies(Campaign campaign, Instant purchasedAt, EarningFacts facts) {
        return switch (campaign.kind()) {
            case SIGN_UP -> facts.firstInCoalition() && campaign.runsAt(facts.memberJoinedAt()) && !purchasedAt.isBefore(campaign.startsAt());
            case FIRST_PURCHASE -> facts.firstAtMerchant() && campaign.runsAt(purchasedAt);
            case MULTIPLIER, FIXED_BONUS -> campaign.runsAt(purchasedAt);
        };
    }

    private static long campaignPoints(Campaign campaign, List<Priced> lines) {
        List<Priced> targeted = lines.stream().filter(line -> campaign.targetsCategory(line.category())).toList();
        if (campaign.kind().hasMultiplier()) {
            BigDecimal basePoints = targeted.stream().map(Priced::basePoints).reduce(BigDecimal.ZERO, BigDecimal::add);
            return floor(basePoints.multiply(campaign.multiplier().subtract(BigDecimal.ONE)));
        }
        return targeted.isEmpty() ? 0 : campaign.bonusPoints();
    }

    /**
     * Trims the bonuses to the platform's cap: the merchant's first, then the platform's. Each cut is a line of
     * its own, so the member and the regulator see what the rules gave and what the cap took.
     */
    private static void capBonuses(List<RuleLine> lines, EarningPolicy policy, BigDecimal total) {
        long platformBonus = lines.stream().filter(line -> line.rule().bonus() && line.platformFunded()).mapToLong(RuleLine::points).sum();
        long merchantBonus = lines.stream().filter(line -> line.rule().bonus() && !line.platformFunded()).mapToLong(RuleLine::points).sum();
        long excess = platformBonus + merchantBonus - policy.maxBonusPoints(total);
        if (excess <= 0) {
            return;
        }
        String percent = DisplayFormats.plain(policy.bonusCapPercent());
        long merchantCut = Math.min(merchantBonus, excess);
        add(lines, new RuleLine(RuleKind.CAP, percent, null, null, -merchantCut, false));
        add(lines, new RuleLine(RuleKind.CAP, percent, null, null, -(excess - merchantCut), true));
    }

    private static void add(List<RuleLine> lines, RuleLine line) {
        if (line.points() != 0) {
            lines.add(line);
        }
    }

    private static long floor(BigDecimal points) {
        return points.setScale(0, RoundingMode.FLOOR).longValueExact();
    }
}
