package org.evergreen.earning;

import org.evergreen.member.Tier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The calculator over a table of baskets: each with the exact points of every rule, and the total. */
class PointsCalculatorTest {

    private static final Instant NOW = Instant.parse("2026-11-11T04:00:00Z");
    private static final Instant START = NOW.minus(Duration.ofDays(1));
    private static final Instant END = NOW.plus(Duration.ofDays(1));
    private static final EarningPolicy POLICY = new EarningPolicy(new BigDecimal("10"), new BigDecimal("0.01"), null);
    private static final RuleSet FLAT = RuleSet.flatRate(BigDecimal.ONE);
    private static final RuleSet SHOP = new RuleSet(BigDecimal.ONE, List.of(new RuleSet.CategoryRate("dairy", new BigDecimal("3"))),
            List.of(), new BigDecimal("1.2"), new BigDecimal("1.5"), List.of(new RuleSet.ComboBonus("snacks", "drinks", 10)), BigDecimal.ONE);
    private static final RuleSet HOTEL = new RuleSet(BigDecimal.ONE, List.of(new RuleSet.CategoryRate("dining", new BigDecimal("2"))),
            List.of(new RuleSet.UnitRate("room-night", 1000, 1200, 1500)), BigDecimal.ONE, new BigDecimal("1.5"), List.of(), BigDecimal.ZERO);

    /** One row of the table. */
    record Case(String name, RuleSet rules, List<PurchaseRequest.Line> basket, Instant at, List<Campaign> campaigns,
                EarningFacts facts, EarningPolicy policy, Map<String, Long> expected) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> baskets() {
        Campaign doubleFresh = campaign(1, 7L, CampaignKind.MULTIPLIER, new BigDecimal("2"), null, Set.of("fresh"), Set.of());
        Campaign goldOnly = campaign(2, 7L, CampaignKind.FIXED_BONUS, null, 50L, Set.of(), Set.of(Tier.GOLD));
        Campaign snacksBonus = campaign(3, 7L, CampaignKind.FIXED_BONUS, null, 30L, Set.of("snacks"), Set.of());
        Campaign firstHere = campaign(4, 7L, CampaignKind.FIRST_PURCHASE, null, 40L, Set.of(), Set.of());
        Campaign signUp = campaign(5, null, CampaignKind.SIGN_UP, null, 200L, Set.of(), Set.of());
        EarningFacts ordinary = facts(Tier.ORDINARY);
        return Stream.of(
                row("base rate, rounded down once", FLAT, List.of(line("pen", 1, "12.99", false)), ordinary, Map.of("BASE", 12L)),
                row("base rate rounds over all its lines", FLAT, List.of(line("pen", 1, "0.50", false), line("ink", 1, "0.50", false)),
                        ordinary, Map.of("BASE", 1L)),
                row("category rate instead of the base rate", SHOP, List.of(line("dairy", 2, "5.00", false), line("bread", 1, "5.00", false)),
                        ordinary, Map.of("BASE", 5L, "CATEGORY:dairy", 30L)),
                row("categories match whatever case the till sends", SHOP, List.of(line(" Dairy ", 1, "1.00", false)), ordinary,
                        Map.of("CATEGORY:dairy", 3L)),
                row("hotel nights by tier, no multiplier on per-unit points", HOTEL,
                        List.of(line("room-night", 2, "600.00", false), line("dining", 1, "100.00", false)), facts(Tier.GOLD),
                        Map.of("UNIT:room-night", 3000L, "CATEGORY:dining", 200L, "TIER:GOLD", 100L)),
                row("hotel night for an ordinary member", HOTEL, List.of(line("room-night", 1, "450.00", false)), ordinary,
                        Map.of("UNIT:room-night", 1000L)),
                row("hotel night for a silver member", HOTEL, List.of(line("room-night", 1, "450.00", false)), facts(Tier.SILVER),
                        Map.of("UNIT:room-night", 1200L)),
                row("silver multiplier on rate-based points", SHOP, List.of(line("bread", 1, "100.00", false)), facts(Tier.SILVER),
                        Map.of("BASE", 100L, "TIER:SILVER", 20L)),
                row("cross-category bonus when both are in the basket", SHOP,
                        List.of(line("snacks", 1, "6.00", false), line("drinks", 1, "4.00", false)), ordinary,
                        Map.of("BASE", 10L, "COMBO:snacks+drinks", 10L)),
                row("no cross-category bonus for one of the two", SHOP, List.of(line("snacks", 2, "6.00", false)), ordinary,
                        Map.of("BASE", 12L)),
                row("green bonus on green products only", SHOP, List.of(line("bread", 1, "20.00", false), line("detergent", 1, "30.00", true)),
                        ordinary, Map.of("BASE", 50L, "GREEN", 30L)),
                rowWith("multiplier campaign on its categories", SHOP, List.of(line("fresh", 1, "10.00", false), line("bread", 1, "5.00", false)),
                        NOW, List.of(doubleFresh), ordinary, Map.of("BASE", 15L, "CAMPAIGN:1", 10L)),
                rowWith("campaign applies from its first instant", SHOP, List.of(line("fresh", 1, "10.00", false)), START, List.of(doubleFresh),
                        ordinary, Map.of("BASE", 10L, "CAMPAIGN:1", 10L)),
                rowWith("campaign applies until just before its end", SHOP, List.of(line("fresh", 1, "10.00", false)), END.minusNanos(1000),
                        List.of(doubleFresh), ordinary, Map.of("BASE", 10L, "CAMPAIGN:1", 10L)),
                rowWith("campaign is over at its end", SHOP, List.of(line("fresh", 1, "10.00", false)), END, List.of(doubleFresh), ordinary,
                        Map.of("BASE", 10L)),
                rowWith("campaign has not begun just before its start", SHOP, List.of(line("fresh", 1, "10.00", false)), START.minusNanos(1000),
                        List.of(doubleFresh), ordinary, Map.of("BASE", 10L)),
                rowWith("campaign for gold members skips an ordinary one", FLAT, List.of(line("bread", 1, "10.00", false)), NOW,
                        List.of(goldOnly), ordinary, Map.of("BASE", 10L)),
                rowWith("campaign for gold members", FLAT, List.of(line("bread", 1, "100.00", false)), NOW, List.of(goldOnly), facts(Tier.GOLD),
                        Map.of("BASE", 100L, "CAMPAIGN:2", 50L)),
                rowWith("fixed bonus needs a line of its categories", SHOP, List.of(line("bread", 1, "100.00", false)), NOW,
                        List.of(snacksBonus), ordinary, Map.of("BASE", 100L)),
                rowWith("fixed bonus for a basket with its category", SHOP, List.of(line("snacks", 1, "100.00", false)), NOW,
                        List.of(snacksBonus), ordinary, Map.of("BASE", 100L, "CAMPAIGN:3", 30L)),
                rowWith("first purchase here", FLAT, List.of(line("pen", 1, "100.00", false)), NOW, List.of(firstHere),
                        new EarningFacts(Tier.ORDINARY, true, false, START.minus(Duration.ofDays(99))), Map.of("BASE", 100L, "CAMPAIGN:4", 40L)),
                rowWith("not the first purchase here", FLAT, List.of(line("pen", 1, "100.00", false)), NOW, List.of(firstHere), ordinary,
                        Map.of("BASE", 100L)),
                rowWith("sign-up bonus, paid by the platform", FLAT, List.of(line("pen", 1, "100.00", false)), NOW, List.of(signUp),
                        new EarningFacts(Tier.ORDINARY, true, true, NOW.minusSeconds(60)), Map.of("BASE", 100L, "CAMPAIGN:5:platform", 200L)),
                rowWith("no sign-up bonus for a member who joined before the window", FLAT, List.of(line("pen", 1, "100.00", false)), NOW,
                        List.of(signUp), new EarningFacts(Tier.ORDINARY, true, true, START.minusSeconds(1)), Map.of("BASE", 100L)),
                rowWith("no sign-up bonus after the first purchase", FLAT, List.of(line("pen", 1, "100.00", false)), NOW, List.of(signUp),
                        new EarningFacts(Tier.ORDINARY, true, false, NOW.minusSeconds(60)), Map.of("BASE", 100L)),
                rowWith("the cap takes what bonuses exceed: 10% of 10 yuan is 100 points", SHOP,
                        List.of(line("snacks", 1, "6.00", true), line("drinks", 1, "4.00", true)), NOW,
                        List.of(campaign(7, 7L, CampaignKind.FIXED_BONUS, null, 200L, Set.of("snacks"), Set.of())), ordinary,
                        Map.of("BASE", 10L, "COMBO:snacks+drinks", 10L, "GREEN", 10L, "CAMPAIGN:7", 200L, "CAP:10", -120L)),
                rowWith("the cap cuts the merchant's bonuses before the platform's", FLAT, List.of(line("pen", 1, "1.00", false)), NOW,
                        List.of(signUp, campaign(6, 7L, CampaignKind.FIXED_BONUS, null, 50L, Set.of(), Set.of())),
                        new EarningFacts(Tier.ORDINARY, true, true, NOW.minusSeconds(60)),
                        Map.of("BASE", 1L, "CAMPAIGN:5:platform", 200L, "CAMPAIGN:6", 50L, "CAP:10", -50L, "CAP:10:platform", -190L)),
                rowWith("bonuses within the cap are untouched", FLAT, List.of(line("pen", 1, "1000.00", false)), NOW,
                        List.of(campaign(6, 7L, CampaignKind.FIXED_BONUS, null, 10_000L, Set.of(), Set.of())), ordinary,
                        Map.of("BASE", 1000L, "CAMPAIGN:6", 10_000L)),
                Arguments.of(new Case("a higher cap lets more through", FLAT, List.of(line("pen", 1, "10.00", false)), NOW,
                        List.of(campaign(6, 7L, CampaignKind.FIXED_BONUS, null, 500L, Set.of(), Set.of())), ordinary,
                        new EarningPolicy(new BigDecimal("50"), new BigDecimal("0.01"), null),
                        Map.of("BASE", 10L, "CAMPAIGN:6", 500L))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("baskets")
    void everyBasketEarnsExactlyWhatItsRulesSay(Case basket) {
        BigDecimal total = basket.basket().stream().map(line -> line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        PointsCalculation result = PointsCalculator.calculate(basket.basket(), total, basket.at(),
                new RuleSetVersion(7, 3, basket.rules(), START, START), basket.campaigns(), basket.policy(), basket.facts());

        Map<String, Long> byRule = new LinkedHashMap<>();
        for (RuleLine line : result.lines()) {
            String key = line.rule().name() + (line.detail().isEmpty() || line.rule() == RuleKind.CAMPAIGN ? "" : ":" + line.detail())
                    + (line.campaignId() == null ? "" : ":" + line.campaignId()) + (line.platformFunded() ? ":platform" : "");
            byRule.put(key, line.points());
            assertThat(line.ruleSetVersion()).isEqualTo(line.rule() == RuleKind.CAMPAIGN || line.rule() == RuleKind.CAP ? null : 3);
        }
        assertThat(byRule).isEqualTo(basket.expected());
        assertThat(result.points()).isEqualTo(basket.expected().values().stream().mapToLong(Long::longValue).sum());
        assertThat(result.platformPoints()).isEqualTo(basket.expected().entrySet().stream().filter(rule -> rule.getKey().endsWith(":platform"))
                .mapToLong(Map.Entry::getValue).sum());
    }

    private static Arguments row(String name, RuleSet rules, List<PurchaseRequest.Line> basket, EarningFacts facts, Map<String, Long> expected) {
        return rowWith(name, rules, basket, NOW, List.of(), facts, expected);
    }

    private static Arguments rowWith(String name, RuleSet rules, List<PurchaseRequest.Line> basket, Instant at, List<Campaign> campaigns,
                                     EarningFacts facts, Map<String, Long> expected) {
        return Arguments.of(new Case(name, rules, basket, at, campaigns, facts, POLICY, expected));
    }

    private static EarningFacts facts(Tier tier) {
        return new EarningFacts(tier, false, false, START.minus(Duration.ofDays(400)));
    }

    private static PurchaseRequest.Line line(String category, int quantity, String unitPrice, boolean green) {
        return new PurchaseRequest.Line("SKU-" + category.strip(), category.strip(), category, quantity, new BigDecimal(unitPrice), green, null);
    }

    private static Campaign campaign(long id, Long merchantId, CampaignKind kind, BigDecimal multiplier, Long bonus, Set<String> categories,
                                     Set<Tier> tiers) {
        return new Campaign(id, merchantId, kind, "活动" + id, "Campaign " + id, multiplier, bonus, categories, tiers, START, END,
                START.minusSeconds(3600));
    }
}
