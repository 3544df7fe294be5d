package org.evergreen.till;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Refunds over real HTTP: points of the refunded lines come back out, into debt if already spent. */
class TillRefundApiTest extends TillApiTestSupport {

    @Autowired
    Ledger ledger;

    private long memberId;
    private String memberNumber;
    /** A key of the demo store of its own, so that no test spends another's rate limit. */
    private String tillKey;

    @BeforeEach
    void findMember() {
        memberId = jdbc.sql("SELECT id FROM security_user WHERE username = '13800000021'").query(Long.class).single();
        memberNumber = jdbc.sql("SELECT member_number FROM member_member WHERE user_id = ?").param(memberId).query(String.class).single();
        tillKey = newKeyOf("merchant");
    }

    @Test
    void partialRefundsTakeBackTheirShareAndTheLastTakesTheRest() throws Exception {
        long purchase = purchase("99.00", "[" + line("TEA", 3, "11.00") + "," + line("CUP", 2, "33.00") + "]");
        long before = available();

        JsonNode first = JSON.readTree(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"TEA\",\"quantity\":2}]}", "k1-" + purchase).body());
        assertThat(first.get("amount").decimalValue()).isEqualByComparingTo("22.00");
        assertThat(first.get("pointsClawedBack").asLong()).isEqualTo(22);
        assertThat(available()).isEqualTo(before - 22);

        HttpResponse<String> replay = refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"TEA\",\"quantity\":2}]}", "k1-" + purchase);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(available()).isEqualTo(before - 22);

        assertProblem(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"TEA\",\"quantity\":2}]}", "k2-" + purchase), 422, "invalid-refund");
        assertProblem(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"NOPE\",\"quantity\":1}]}", "k3-" + purchase), 422, "invalid-refund");

        JsonNode rest = JSON.readTree(refund(purchase, "{\"full\":true,\"lines\":[]}", "k4-" + purchase).body());
        assertThat(rest.get("pointsClawedBack").asLong()).isEqualTo(77);
        assertThat(available()).isEqualTo(before - 99);
        assertProblem(refund(purchase, "{\"full\":true,\"lines\":[]}", "k5-" + purchase), 422, "invalid-refund");
    }

    @Test
    void pointsAlreadySpentAreClawedBackIntoDebt() throws Exception {
        long purchase = purchase("500.00", "[" + line("BED", 1, "500.00") + "]");
        long spendable = available();
        SystemActor.run(() -> ledger.post(new EntryRequest(EntryKind.REDEEM, "catalog", UUID.randomUUID().toString(), "test",
                "redemption", null, null, List.of(new Posting(ledger.account(AccountType.MEMBER_WALLET, memberId), -spendable),
                new Posting(ledger.account(AccountType.MERCHANT_REDEMPTION, 1), spendable)), null)));

        JsonNode refunded = JSON.readTree(refund(purchase, "{\"full\":true,\"lines\":[]}", "debt-" + purchase).body());
        assertThat(refunded.get("pointsClawedBack").asLong()).isEqualTo(500);
        assertThat(refunded.get("availablePoints").asLong()).isEqualTo(-500);
        assertThat(SystemActor.call(() -> ledger.verifyIntegrity()).violations()).isEmpty();
    }

    @Test
    void anotherMerchantsOrAnUnknownPurchaseIsNotFound() throws Exception {
        String hotelKey = newKeyOf("hotel");
        HttpResponse<String> hotelPurchase = post("/api/v1/purchases", """
                {"memberNumber":"%s","receiptNumber":"H-%s","purchasedAt":"%s","currency":"CNY","total":300.00,"lines":[%s]}"""
                .formatted(memberNumber, System.nanoTime(), Instant.now(), line("ROOM", 1, "300.00")), UUID.randomUUID().toString(), hotelKey);
        assertThat(hotelPurchase.statusCode()).as(hotelPurchase.body()).isEqualTo(201);
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
        long hotelPurchaseId = JSON.readTree(hotelPurchase.body()).get("purchaseId").asLong();
        assertProblem(refund(hotelPurchaseId, "{\"full\":true,\"lines\":[]}", UUID.randomUUID().toString()), 404, "purchase-not-found");
        assertProblem(refund(99_999_999, "{\"full\":true,\"lines\":[]}", UUID.randomUUID().toString()), 404, "purchase-not-found");
        assertProblem(refund(1, "{\"full\":true,\"surprise\":1}", UUID.randomUUID().toString()), 400, "malformed-request");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(entries);
    }

    @Test
    void aRefundKeyReusedForAnotherRequestAndAFullRefundWithLinesAreRefused() throws Exception {
        long purchase = purchase("20.00", "[" + line("PEN", 2, "10.00") + "]");
        String key = "reuse-" + purchase;
        assertThat(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"PEN\",\"quantity\":1}]}", key).statusCode()).isEqualTo(201);
        assertProblem(refund(purchase, "{\"full\":true,\"lines\":[]}", key), 422, "idempotency-key-reused");
        assertProblem(refund(purchase, "{\"full\":true,\"lines\":[{\"sku\":\"PEN\",\"quantity\":1}]}", "other-" + purchase),
                422, "invalid-refund");
    }

    @Test
    void theSameRefundFromEightRequestsAtOnceTakesThePointsBackOnce() throws Exception {
        long purchase = purchase("40.00", "[" + line("LAMP", 4, "10.00") + "]");
        long before = available();
        String body = "{\"full\":false,\"lines\":[{\"sku\":\"LAMP\",\"quantity\":1}]}";
        List<HttpResponse<String>> answers;
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sent.add(pool.submit(() -> refund(purchase, body, "same-" + purchase)));
            }
            answers = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : sent) {
                answers.add(answer.get());
            }
        }
        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 201).hasSize(1);
        assertThat(answers.stream().map(answer -> JSON.readTree(answer.body()).get("refundId").asLong()).distinct()).hasSize(1);
        assertThat(available()).isEqualTo(before - 10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM earning_refund WHERE purchase_id = ?").param(purchase).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRefundWithoutAKeyOrWithBadInputIsRefusedAndTakesNothingBack() throws Exception {
        long purchase = purchase("30.00", "[" + line("MUG", 3, "10.00") + "]");
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
        long before = available();

        assertProblem(post("/api/v1/purchases/" + purchase + "/refunds", "{\"full\":true}", null, tillKey), 400, "idempotency-key-required");
        assertProblem(refund(purchase, "{\"full\":tru", "bad-json-" + purchase), 400, "malformed-request");
        assertProblem(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"MUG\",\"quantity\":0}]}", "zero-" + purchase), 422, "invalid-refund");
        assertProblem(refund(purchase, "{\"full\":false,\"lines\":[{\"sku\":\"MUG\",\"quantity\":-1}]}", "negative-" + purchase),
                422, "invalid-refund");
        assertProblem(refund(purchase, "{\"full\":false,\"lines\":[]}", "no-lines-" + purchase), 422, "invalid-refund");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(entries);
        assertThat(available()).isEqualTo(before);
    }

    private long available() {
        return jdbc.sql("SELECT balance FROM ledger_account WHERE type = 'MEMBER_WALLET' AND owner_id = ?").param(memberId)
                .query(Long.class).optional().orElse(0L);
    }

    private long purchase(String total, String lines) throws Exception {
        String body = """
                {"memberNumber":"%s","receiptNumber":"RF-%s","purchasedAt":"%s","currency":"CNY","total":%s,"lines":%s}"""
                .formatted(memberNumber, System.nanoTime(), Instant.now(), total, lines);
        HttpResponse<String> response = send("/api/v1/purchases", body, UUID.randomUUID().toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).get("purchaseId").asLong();
    }

    private static String line(String sku, int quantity, String unitPrice) {
        return """
                {"sku":"%s","name":"%s","category":"home","quantity":%d,"unitPrice":%s,"green":false}""".formatted(sku, sku, quantity, unitPrice);
    }

    private HttpResponse<String> refund(long purchaseId, String body, String key) throws Exception {
        return send("/api/v1/purchases/" + purchaseId + "/refunds", body, key);
    }

    private HttpResponse<String> send(String path, String body, String key) throws Exception {
        return post(path, body, key, tillKey);
    }

}
