package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.jspecify.annotations.Nullable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * A merchant's earning rules as one version discloses them. A purchase line earns by the first of: a per-unit
 * rate of its category (points per unit by tier, as hotels give per night), a category rate, the base rate.
 * On top come bonuses, which the platform's cap limits: the tier multiplier on rate-based points,
 * cross-category bonuses, and the green bonus on green products.
 *
 * @param categoryRates      points per yuan for named categories instead of the base rate
 * @param unitRates          points per unit, by tier, for named categories (no tier multiplier on these)
 * @param silverMultiplier   rate-based points are multiplied by this for silver members (1 = no bonus)
 * @param goldMultiplier     likewise for gold members
 * @param comboBonuses       fixed extra points when one basket holds both categories of a pair
 * @param greenPointsPerYuan extra points per yuan spent on green products
 */
public record RuleSet(BigDecimal basePointsPerYuan, List<CategoryRate> categoryRates, List<UnitRate> unitRates,
                      BigDecimal silverMultiplier, BigDecimal goldMultiplier, List<ComboBonus> comboBonuses,
                      BigDecimal greenPointsPerYuan) {

    public RuleSet {
        categoryRates = List.copyOf(categoryRates);
        unitRates = List.copyOf(unitRates);
        comboBonuses = List.copyOf(comboBonuses);
    }

    public record CategoryRate(String category, BigDecimal pointsPerYuan) {
    }

    public record UnitRate(String category, long ordinaryPoints, long silverPoints, long goldPoints) {

        public long pointsFor(Tier tier) {
            return switch (tier) {
                case ORDINARY -> ordinaryPoints;
                case SILVER -> silverPoints;
                case GOLD -> goldPoints;
            };
        }
    }

    public record ComboBonus(String firstCategory, String secondCategory, long points) {
    }

    /** Rules that give the same points per yuan on everything and no bonus. */
    public static RuleSet flatRate(BigDecimal pointsPerYuan) {
        return new RuleSet(pointsPerYuan, List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE, List.of(), BigDecimal.ZERO);
    }

    public BigDecimal multiplierFor(Tier tier) {
        return switch (tier) {
            case ORDINARY -> BigDecimal.ONE;
            case SILVER -> silverMultiplier;
            case GOLD -> goldMultiplier;
        };
    }

    public @Nullable UnitRate unitRateOf(String category) {
        return unitRates.stream().filter(rate -> rate.category().equals(category)).findFirst().orElse(null);
    }

    public @Nullable BigDecimal categoryRateOf(String category) {
        return categoryRates.stream().filter(rate -> rate.category().equals(category)).map(CategoryRate::pointsPerYuan)
                .findFirst().orElse(null);
    }

    /** Categories match whatever case or surrounding spaces a till sends. */
    public static String normalizedCategory(String category) {
        return category.strip().toLowerCase(Locale.ROOT);
    }
}
