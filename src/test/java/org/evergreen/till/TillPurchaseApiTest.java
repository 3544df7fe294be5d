package org.evergreen.till;

import org.evergreen.member.OneTimeCode;
import org.evergreen.member.OneTimeCodes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Tills post purchases over real HTTP: points at the disclosed base rate, idempotent, every bad input refused. */
class TillPurchaseApiTest extends TillApiTestSupport {

    private static final AtomicInteger RECEIPT = new AtomicInteger();

    @Autowired
    OneTimeCodes codes;

    private String memberNumber;
    /** A key of the demo store of its own, so that no test spends another's rate limit. */
    private String tillKey;

    @BeforeEach
    void findMember() {
        memberNumber = memberNumberOf("13800000020");
        tillKey = newKeyOf("merchant");
        SecurityContextHolder.clearContext();
    }

    @Test
    void aPurchaseEarnsPointsAtTheBaseRateAndAReplayPostsNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = purchase(receipt(), "128.50", List.of(line("SKU-1", "有机牛奶", "dairy", 2, "32.25"), line("SKU-2", "全麦面包", "bakery", 1, "64.00")));
        long before = availableOf("13800000020");

        HttpResponse<String> first = post(body, key);
        assertThat(first.statusCode()).isEqualTo(201);
        JsonNode result = JSON.readTree(first.body());
        assertThat(result.get("pointsEarned").asLong()).isEqualTo(128);
        assertThat(result.get("breakdown").get(0).get("rule").asString()).isEqualTo("base");
        assertThat(result.get("availablePoints").asLong()).isEqualTo(before + 128);

        HttpResponse<String> replay = post(body, key);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertProblem(post(purchase(receipt(), "1.00", List.of(line("SKU-3", "糖", "food", 1, "1.00"))), key), 422, "idempotency-key-reused");
        assertThat(JSON.readTree(replay.body()).get("purchaseId").asLong()).isEqualTo(result.get("purchaseId").asLong());
        assertThat(availableOf("13800000020")).isEqualTo(before + 128);
    }

    @Test
    void theSameKeyFromEightRequestsAtOnceEarnsOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = purchase(receipt(), "10.00", List.of(line("SKU-9", "矿泉水", "drinks", 5, "2.00")));
        long before = availableOf("13800000020");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> post(body, key)));
            }
            java.util.Set<Long> purchaseIds = new java.util.HashSet<>();
            int created = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                assertThat(answer.get().statusCode()).as(answer.get().body()).isIn(200, 201);
                created += answer.get().statusCode() == 201 ? 1 : 0;
                purchaseIds.add(JSON.readTree(answer.get().body()).get("purchaseId").asLong());
            }
            assertThat(created).isEqualTo(1);
            assertThat(purchaseIds).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(availableOf("13800000020")).isEqualTo(before + 10);
    }

    @Test
    void aReceiptAlreadyClaimedIsRefusedUnderAnyKey() throws Exception {
        String receipt = receipt();
        assertThat(post(purchase(receipt, "5.00", List.of(line("S", "笔", "stationery", 1, "5.00"))), UUID.randomUUID().toString()).statusCode())
                .isEqualTo(201);
        HttpResponse<String> again = post(purchase(receipt, "5.00", List.of(line("S", "笔", "stationery", 1, "5.00"))), UUID.randomUUID().toString());
        assertProblem(again, 409, "duplicate-receipt");
    }

    @Test
    void badInputIsRefusedWithAProblemAndPostsNothing() throws Exception {
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
        String ok = line("S", "茶", "drinks", 1, "8.00");
        Map<String, String> refused = Map.of(
                "{not json", "malformed-request",
                purchase(receipt(), "8.00", List.of(ok)).replace("\"currency\"", "\"surprise\":1,\"currency\""), "malformed-request",
                purchase(receipt(), "-8.00", List.of(line("S", "茶", "drinks", 1, "-8.00"))), "invalid-purchase",
                purchase(receipt(), "9.00", List.of(ok)), "invalid-purchase",
                purchase(receipt(), "8.00", List.of(ok)).replace("\"CNY\"", "\"USD\""), "invalid-purchase",
                purchase(receipt(), "8.00", List.of(ok)).replace(Instant.now().toString().substring(0, 4), "2099"), "invalid-purchase",
                purchase(receipt(), "99999999999.00", List.of(line("S", "金", "gold", 1, "99999999999.00"))), "invalid-purchase",
                purchase(receipt(), "8.00", List.of(line("S", "<script>", "drinks", 1, "8.00"))), "invalid-purchase");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            assertProblem(post(bad.getKey(), UUID.randomUUID().toString()), bad.getValue().equals("malformed-request") ? 400 : 422, bad.getValue());
        }
        assertProblem(post(purchase(receipt(), "8.00", List.of(ok)), null), 400, "idempotency-key-required");
        assertProblem(post("null", UUID.randomUUID().toString()), 400, "malformed-request");
        assertProblem(post(purchase(receipt(), "8.00", List.of(ok)).replace("\"quantity\":1", "\"quantity\":1.5"),
                UUID.randomUUID().toString()), 400, "malformed-request");
        assertProblem(post(purchase(receipt(), "8.00", List.of(ok)).replace("\"quantity\":1", "\"quantity\":\"1\""),
                UUID.randomUUID().toString()), 400, "malformed-request");
        assertProblem(post(purchase(receipt(), "8.001", List.of(line("S", "茶", "drinks", 1, "8.001"))), UUID.randomUUID().toString()),
                422, "invalid-purchase");
        assertProblem(post(purchase(receipt(), "16.00", List.of(ok, ok)), UUID.randomUUID().toString()), 422, "invalid-purchase");
        assertProblem(post(purchase(receipt(), "8.00", List.of(ok)).replace(memberNumber, "912345678904"), UUID.randomUUID().toString()),
                404, "member-not-found");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(entries);
    }

    @Test
    void aPurchaseNamingAStoreMustNameTheStoreOfTheKey() throws Exception {
        long keyStore = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = ?").param(tillKey.substring(3, 11))
                .query(Long.class).single();
        long sameMerchantsOtherStore = jdbc.sql("""
                        SELECT id FROM merchant_store WHERE merchant_id = (SELECT merchant_id FROM merchant_store WHERE id = ?) AND id <> ?
                        ORDER BY id LIMIT 1""").params(keyStore, keyStore).query(Long.class).single();
        long anotherMerchantsStore = jdbc.sql("""
                        SELECT id FROM merchant_store WHERE merchant_id <> (SELECT merchant_id FROM merchant_store WHERE id = ?)
                        ORDER BY id LIMIT 1""").param(keyStore).query(Long.class).single();
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
        String basket = purchase(receipt(), "3.00", List.of(line("ST-1", "橡皮", "stationery", 1, "3.00")));

        for (long store : new long[]{sameMerchantsOtherStore, anotherMerchantsStore, 99_999_999L}) {
            HttpResponse<String> refused = post(atStore(basket, store), UUID.randomUUID().toString());
            assertProblem(refused, 403, "wrong-store");
            assertThat(JSON.readTree(refused.body()).get("title").asString()).isEqualTo("门店不符");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(entries);

        String key = UUID.randomUUID().toString();
        HttpResponse<String> recorded = post(atStore(basket, keyStore), key);
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        long purchaseId = JSON.readTree(recorded.body()).get("purchaseId").asLong();
        // The key names the store anyway: a retry that leaves storeId out is the same purchase.
        HttpResponse<String> retried = post(basket, key);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
        assertThat(JSON.readTree(retried.body()).get("purchaseId").asLong()).isEqualTo(purchaseId);
        assertThat(JSON.readTree(get("/api/v1/purchases/" + purchaseId, tillKey, "zh-CN").body()).get("storeId").asLong()).isEqualTo(keyStore);
    }

    private static String atStore(String purchase, long storeId) {
        return purchase.replace("\"receiptNumber\"", "\"storeId\":" + storeId + ",\"receiptNumber\"");
    }

    @Test
    void aTillReadsItsMerchantsPurchasesButNotAnotherMerchants() throws Exception {
        HttpResponse<String> created = post(purchase(receipt(), "12.00", List.of(line("B-1", "笔记本", "stationery", 3, "4.00"))),
                UUID.randomUUID().toString());
        long purchaseId = JSON.readTree(created.body()).get("purchaseId").asLong();

        HttpResponse<String> own = get("/api/v1/purchases/" + purchaseId, tillKey, "zh-CN");
        assertThat(own.statusCode()).isEqualTo(200);
        JsonNode details = JSON.readTree(own.body());
        assertThat(details.get("pointsEarned").asLong()).isEqualTo(12);
        assertThat(details.get("lines").get(0).get("name").asString()).isEqualTo("笔记本");

        String hotelKey = newKeyOf("hotel");
        assertProblem(get("/api/v1/purchases/" + purchaseId, hotelKey, "zh-CN"), 404, "purchase-not-found");
        assertProblem(get("/api/v1/purchases/99999999", hotelKey, "zh-CN"), 404, "purchase-not-found");
    }

    @Test
    void aTillOverItsRateLimitIsToldToWait() throws Exception {
        String key = newKeyOf("hotel");
        int limited = 0;
        for (int i = 0; i < 90; i++) {
            HttpResponse<String> response = get("/api/v1/members/" + memberNumber + "/balance", key, "zh-CN");
            if (response.statusCode() == 429) {
                limited++;
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(JSON.readTree(response.body()).get("type").asString()).isEqualTo("urn:evergreen:problem:rate-limited");
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).isPositive();
    }

    @Test
    void aOneTimeCodeIdentifiesTheMemberForOnePurchaseOnly() throws Exception {
        signInAs("13800000020");
        String code = codes.issueForMe().code();
        SecurityContextHolder.clearContext();

        HttpResponse<String> lookedUp = get("/api/v1/members/" + code + "/balance", tillKey, "zh-CN");
        assertThat(lookedUp.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(lookedUp.body()).get("memberNumber").isNull()).isTrue();
        String withCode = purchase(receipt(), "6.00", List.of(line("C-1", "酸奶", "dairy", 1, "6.00")))
                .replace("\"memberNumber\":\"" + memberNumber + "\"", "\"memberCode\":\"" + code + "\"");
        assertThat(post(withCode, UUID.randomUUID().toString()).statusCode()).isEqualTo(201);
        assertProblem(post(withCode.replace("\"receiptNumber\":\"R-", "\"receiptNumber\":\"S-"), UUID.randomUUID().toString()),
                404, "member-not-found");
        String both = purchase(receipt(), "6.00", List.of(line("C-1", "酸奶", "dairy", 1, "6.00")))
                .replace("\"receiptNumber\"", "\"memberCode\":\"" + code + "\",\"receiptNumber\"");
        assertProblem(post(both, UUID.randomUUID().toString()), 422, "invalid-purchase");
    }

    @Test
    void anExpiredOneTimeCodeIdentifiesNobody() throws Exception {
        signInAs("13800000020");
        OneTimeCode code = codes.issueForMe();
        SecurityContextHolder.clearContext();
        assertThat(code.expiresAt()).isBetween(Instant.now().plus(OneTimeCodes.VALIDITY).minusSeconds(60), Instant.now().plus(OneTimeCodes.VALIDITY));

        // The five minutes pass: the code's row is aged as the clock would age it.
        jdbc.sql("UPDATE member_code SET expires_at = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE code = ?").param(code.code()).update();
        assertProblem(get("/api/v1/members/" + code.code() + "/balance", tillKey, "zh-CN"), 404, "member-not-found");
        String withCode = purchase(receipt(), "6.00", List.of(line("C-2", "酸奶", "dairy", 1, "6.00")))
                .replace("\"memberNumber\":\"" + memberNumber + "\"", "\"memberCode\":\"" + code.code() + "\"");
        assertProblem(post(withCode, UUID.randomUUID().toString()), 404, "member-not-found");
        assertThat(jdbc.sql("SELECT used_at IS NULL FROM member_code WHERE code = ?").param(code.code()).query(Boolean.class).single()).isTrue();
    }

    private long availableOf(String username) {
        return jdbc.sql("""
                        SELECT a.balance FROM ledger_account a JOIN security_user u ON u.id = a.owner_id
                        WHERE a.type = 'MEMBER_WALLET' AND u.username = ?""").param(username).query(Long.class).optional().orElse(0L);
    }

    private String purchase(String receipt, String total, List<String> lines) {
        return """
                {"memberNumber":"%s","receiptNumber":"%s","purchasedAt":"%s","currency":"CNY","total":%s,"lines":[%s]}"""
                .formatted(memberNumber, receipt, Instant.now(), total, String.join(",", lines));
    }

    private static String line(String sku, String name, String category, int quantity, String unitPrice) {
        return """
                {"sku":"%s","name":"%s","category":"%s","quantity":%d,"unitPrice":%s,"green":false}"""
                .formatted(sku, name, category, quantity, unitPrice);
    }

    private static String receipt() {
        return "R-" + System.nanoTime() + "-" + RECEIPT.incrementAndGet();
    }

    private HttpResponse<String> post(String body, String idempotencyKey) throws Exception {
        return post("/api/v1/purchases", body, idempotencyKey, tillKey);
    }
}
