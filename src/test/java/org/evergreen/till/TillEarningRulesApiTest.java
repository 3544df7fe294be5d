package org.evergreen.till;

import org.evergreen.earning.CampaignDraft;
import org.evergreen.earning.CampaignKind;
import org.evergreen.earning.Campaigns;
import org.evergreen.earning.EarningRules;
import org.evergreen.earning.RuleSet;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the till API, the demo merchants' disclosed rules and campaigns: each purchase answers and records
 * every rule that fired, the platform pays the sign-up bonus, and tiers follow the rolling spend.
 */
class TillEarningRulesApiTest extends TillApiTestSupport {

    @Autowired
    UserAccounts userAccounts;

    @Autowired
    MerchantDirectory merchants;

    @Autowired
    EarningRules earningRules;

    @Autowired
    Campaigns campaigns;

    @Test
    void theBreakdownNamesEveryRuleAndCampaignThatFired() throws Exception {
        String member = memberNumberOf("13800000024");
        // 青松便利: fresh food 2 points per yuan, doubled by its running campaign; snacks with drinks 10 extra; green 1 per yuan.
        // Green is what a published method covers: the refill (refill-bulk, 110 g a unit), not the fresh food the till calls green.
        HttpResponse<String> created = post(DEMO_KEY, member, "28.00", List.of(
                line("F-1", "fresh", 1, "10.00", true, 50L), line("S-1", "snacks", 1, "5.00", false, null),
                line("D-1", "drinks", 1, "3.00", false, null), line("R-1", "Refill", 2, "5.00", false, null)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode result = JSON.readTree(created.body());
        assertThat(rules(result.get("breakdown"))).containsExactly("base::18", "category:fresh:20", "combo:snacks+drinks:10", "green::10",
                "campaign:MULTIPLIER:20");
        assertThat(result.get("pointsEarned").asLong()).isEqualTo(78);
        assertThat(result.get("breakdown").get(4).get("campaign").asLong()).isEqualTo(campaignId("鲜食双倍积分"));
        assertThat(result.get("breakdown").get(0).get("version").asInt()).isEqualTo(1);

        JsonNode details = JSON.readTree(get("/api/v1/purchases/" + result.get("purchaseId").asLong(), DEMO_KEY, "en").body());
        assertThat(rules(details.get("breakdown"))).isEqualTo(rules(result.get("breakdown")));
        assertThat(details.get("tier").asString()).isEqualTo("ORDINARY");
        JsonNode fresh = details.get("lines").get(0);
        assertThat(fresh.get("green").asBoolean()).isFalse();
        assertThat(fresh.get("co2eGrams").isNull()).isTrue();
        JsonNode refill = details.get("lines").get(3);
        assertThat(refill.get("green").asBoolean()).isTrue();
        assertThat(refill.get("greenMethod").asString()).isEqualTo("refill-bulk");
        assertThat(refill.get("co2eGrams").asLong()).isEqualTo(220);
        assertThat(jdbc.sql("""
                        SELECT CONCAT(l.co2e_grams, ' g by ', v.version, ' of ', m.code) FROM earning_purchase_line l
                        JOIN green_factor_version v ON v.id = l.green_factor_id JOIN green_method m ON m.id = v.method_id
                        WHERE l.purchase_id = ? AND l.sku = 'R-1'""")
                .param(result.get("purchaseId").asLong()).query(String.class).single()).isEqualTo("220 g by 1 of refill-bulk");
    }

    @Test
    void co2eIsTakenOnlyForGreenProducts() throws Exception {
        HttpResponse<String> refused = post(DEMO_KEY, memberNumberOf("13800000024"), "3.00",
                List.of(line("D-2", "drinks", 1, "3.00", false, 10L)));
        assertProblem(refused, 422, "invalid-purchase");
    }

    @Test
    void aNewMembersFirstPurchaseEarnsThePlatformsSignUpBonusOnceAndARefundTakesItBack() throws Exception {
        String member = newMember();
        long platformBefore = platformPromotionBalance();
        JsonNode first = JSON.readTree(post(DEMO_KEY, member, "20.00", List.of(line("B-1", "bakery", 2, "10.00", false, null))).body());
        assertThat(rules(first.get("breakdown"))).containsExactly("base::20", "campaign:SIGN_UP:200");
        assertThat(first.get("availablePoints").asLong()).isEqualTo(220);
        assertThat(platformPromotionBalance()).isEqualTo(platformBefore - 200);

        JsonNode second = JSON.readTree(post(DEMO_KEY, member, "20.00", List.of(line("B-1", "bakery", 2, "10.00", false, null))).body());
        assertThat(rules(second.get("breakdown"))).containsExactly("base::20");

        HttpResponse<String> refund = post("/api/v1/purchases/" + first.get("purchaseId").asLong() + "/refunds", "{\"full\":true,\"lines\":[]}",
                UUID.randomUUID().toString(), DEMO_KEY);
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        assertThat(JSON.readTree(refund.body()).get("availablePoints").asLong()).isEqualTo(20);
        assertThat(platformPromotionBalance()).isEqualTo(platformBefore);
    }

    @Test
    void tiersFollowTheRollingSpendAndHotelNightsEarnByTier() throws Exception {
        String member = newMember();
        String hotelKey = newKeyOf("hotel");
        // 绿野酒店: 1,000 points a night for ordinary members, 1,200 for silver, 1,500 for gold; dining 2 per yuan, ×1.5 for gold.
        JsonNode ordinary = JSON.readTree(post(hotelKey, member, "1200.00", List.of(line("RN", "room-night", 2, "600.00", false, null))).body());
        assertThat(rules(ordinary.get("breakdown"))).containsExactly("unit:room-night:2000", "campaign:SIGN_UP:200");
        assertThat(tierOf(member)).isEqualTo("ORDINARY");

        post(hotelKey, member, "19000.00", List.of(line("SUITE", "suite", 1, "19000.00", false, null)));
        assertThat(tierOf(member)).isEqualTo("GOLD");
        JsonNode gold = JSON.readTree(post(hotelKey, member, "700.00", List.of(line("RN", "room-night", 1, "600.00", false, null),
                line("DIN", "dining", 1, "100.00", false, null))).body());
        assertThat(rules(gold.get("breakdown"))).containsExactly("category:dining:200", "unit:room-night:1500", "tier:GOLD:100");
        assertThat(JSON.readTree(get("/api/v1/purchases/" + gold.get("purchaseId").asLong(), hotelKey, "en").body()).get("tier").asString())
                .isEqualTo("GOLD");
    }

    /** First purchases open wallets and activity rows; racing ones may deadlock, and are then run again whole. */
    @Test
    void manyNewMembersFirstPurchasesAtOnceAllEarnOnce() throws Exception {
        String key = newKeyOf("merchant");
        List<String> members = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            members.add(newMember());
        }
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (String member : members) {
                answers.add(pool.submit(() -> post(key, member, "10.00", List.of(line("B-1", "bakery", 1, "10.00", false, null)))));
            }
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isEqualTo(201);
                // 10 at the base rate, and the platform's 200 for a first purchase capped at 10% of 10 yuan: 100.
                assertThat(JSON.readTree(answer.get().body()).get("availablePoints").asLong()).isEqualTo(110);
            }
        } finally {
            pool.shutdownNow();
        }
        for (String member : members) {
            assertThat(jdbc.sql("""
                            SELECT COUNT(*) FROM earning_purchase p JOIN member_member m ON m.user_id = p.member_id
                            WHERE m.member_number = ?""").param(member).query(Long.class).single()).isEqualTo(1);
        }
    }

    /**
     * A purchase names the rule set, campaigns and cap that apply by id, and their rows are cached for good: a version
     * disclosed now, and a campaign launched now, must still reach the very next purchase.
     */
    @Test
    void aRuleVersionAndACampaignDisclosedNowApplyToTheVeryNextPurchase() throws Exception {
        String first17 = "91310000MA" + String.format("%07d", System.nanoTime() % 10_000_000);
        long merchantId = SystemActor.call(() -> merchants.register(new NewMerchant("即时文具", "Instant Stationery",
                MerchantCategory.STATIONERY, first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                List.of(new NewMerchant.NewStore("即时店", "Instant store", "上海", "Shanghai", "即时路 1 号")))));
        long storeId = SystemActor.call(() -> merchants.storesOf(merchantId)).getFirst().id();
        String key = "eg_inst%04d_InstantStationeryTillKeyTests001".formatted(System.nanoTime() % 10_000);
        SystemActor.run(() -> {
            earningRules.disclose(merchantId, RuleSet.flatRate(BigDecimal.ONE), null);
            tillKeys.createKnown(merchantId, storeId, "即时收银台", key);
        });
        String member = memberNumberOf("13800000024");
        List<String> basket = List.of(line("P-1", "pens", 1, "10.00", false, null));

        JsonNode first = JSON.readTree(post(key, member, "10.00", basket).body());
        assertThat(rules(first.get("breakdown"))).containsExactly("base::10");

        SystemActor.run(() -> earningRules.disclose(merchantId, RuleSet.flatRate(new BigDecimal("3")), null));
        JsonNode second = JSON.readTree(post(key, member, "10.00", basket).body());
        assertThat(rules(second.get("breakdown"))).containsExactly("base::30");
        assertThat(second.get("breakdown").get(0).get("version").asInt()).isEqualTo(2);

        long campaignId = SystemActor.call(() -> campaigns.launch(merchantId, new CampaignDraft(CampaignKind.FIXED_BONUS, "即时奖励",
                "Instant bonus", null, 5L, Set.of(), Set.of(), null, Instant.now().plus(1, ChronoUnit.DAYS))));
        JsonNode third = JSON.readTree(post(key, member, "10.00", basket).body());
        assertThat(rules(third.get("breakdown"))).containsExactly("base::30", "campaign:FIXED_BONUS:5");
        assertThat(third.get("breakdown").get(1).get("campaign").asLong()).isEqualTo(campaignId);
    }

    private String newMember() {
        String username = "rules" + System.nanoTime();
        SystemActor.run(() -> userAccounts.createMember(username, "新会员", "Pine-needle-2026!"));
        return memberNumberOf(username);
    }

    private String tierOf(String memberNumber) {
        return jdbc.sql("SELECT tier FROM member_member WHERE member_number = ?").param(memberNumber).query(String.class).single();
    }

    private long campaignId(String nameZh) {
        return jdbc.sql("SELECT id FROM earning_campaign WHERE name_zh = ?").param(nameZh).query(Long.class).single();
    }

    private long platformPromotionBalance() {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount), 0) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.type = 'PLATFORM_PROMOTION'""").query(Long.class).single();
    }

    /** Each breakdown line as {@code rule:detail:points}. */
    private static List<String> rules(JsonNode breakdown) {
        List<String> lines = new ArrayList<>();
        breakdown.forEach(line -> lines.add(line.get("rule").asString() + ":" + line.get("detail").asString() + ":" + line.get("points").asLong()));
        return lines;
    }

    private HttpResponse<String> post(String key, String memberNumber, String total, List<String> lines) throws Exception {
        String body = """
                {"memberNumber":"%s","receiptNumber":"%s","purchasedAt":"%s","currency":"CNY","total":%s,"lines":[%s]}"""
                .formatted(memberNumber, "RR-" + System.nanoTime(), Instant.now(), total, String.join(",", lines));
        return post("/api/v1/purchases", body, UUID.randomUUID().toString(), key);
    }

    private static String line(String sku, String category, int quantity, String unitPrice, boolean green, Long co2eGrams) {
        return """
                {"sku":"%s","name":"%s","category":"%s","quantity":%d,"unitPrice":%s,"green":%s%s}"""
                .formatted(sku, sku, category, quantity, unitPrice, green, co2eGrams == null ? "" : ",\"co2eGrams\":" + co2eGrams);
    }
}
