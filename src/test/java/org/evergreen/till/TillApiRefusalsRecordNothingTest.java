package org.evergreen.till;

import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.Redemptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal means nothing happened: every write endpoint of the till API, sent each way it can be refused, answers
 * with a problem detail and leaves the ledger, purchases, refunds and redemptions exactly as they were. A new write
 * endpoint joins by being listed in {@link Endpoint}; a new way to refuse, by being listed in {@link Variation}. Each
 * variation changes one thing of a request that is otherwise accepted ({@link #theUnchangedRequestOfEachEndpointIsRecorded}).
 */
class TillApiRefusalsRecordNothingTest extends TillApiTestSupport {

    /** A request as a till sends it: its request line and headers, and its body. */
    record Call(String method, String path, Map<String, String> headers, byte[] body) {
        Call with(String header, String value) {
            Map<String, String> changed = new java.util.LinkedHashMap<>(headers);
            if (value == null) {
                changed.remove(header);
            } else {
                changed.put(header, value);
            }
            return new Call(method, path, changed, body);
        }

        Call withBody(String text) {
            return new Call(method, path, headers, text.getBytes(StandardCharsets.UTF_8));
        }

        Call withBody(byte[] bytes) {
            return new Call(method, path, headers, bytes);
        }
    }

    enum Endpoint {
        PURCHASE(true), REFUND(true), FULFIL(false);

        final boolean takesBody;

        Endpoint(boolean takesBody) {
            this.takesBody = takesBody;
        }
    }

    enum Variation {
        NO_KEY(401, "unauthorized", false, call -> call.with("Authorization", null)),
        WRONG_KEY(401, "unauthorized", false, call -> call.with("Authorization", "Bearer eg_zzzz0000_" + "x".repeat(32))),
        ACCEPTS_ONLY_XML(406, "not-acceptable", false, call -> call.with("Accept", "application/xml")),
        ACCEPTS_ONLY_PROBLEMS(406, "not-acceptable", false, call -> call.with("Accept", "application/problem+json")),
        REFUSES_JSON(406, "not-acceptable", false, call -> call.with("Accept", "application/json;q=0, text/html")),
        NO_IDEMPOTENCY_KEY(400, "idempotency-key-required", false, call -> call.with("Idempotency-Key", null)),
        IDEMPOTENCY_KEY_TOO_LONG(400, "idempotency-key-too-long", false, call -> call.with("Idempotency-Key", "k".repeat(129))),
        NON_CANONICAL_PATH(400, "invalid-path", false, call -> new Call(call.method(), call.path().replace("/v1/", "/v1/./"),
                call.headers(), call.body())),
        NOT_JSON(415, "unsupported-media-type", true, call -> call.with("Content-Type", "text/plain")),
        BODY_TOO_LARGE(413, "request-too-large", true, call -> call.withBody(new byte[TillApiPreconditions.MAX_BODY_BYTES + 1])),
        SYNTAX_ERROR(400, "malformed-request", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\\}$", ""))),
        NOT_UTF8(400, "malformed-request", true, call -> call.withBody(withInvalidUtf8(call.body()))),
        DUPLICATE_FIELD(400, "malformed-request", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"full\":true,\"lines\":[],"))),
        UNKNOWN_FIELD(400, "malformed-request", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\\{", "{\"discount\":1,"))),
        WRONG_TYPE(400, "malformed-request", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\"quantity\":(\\d+)", "\"quantity\":\"$1\""))),
        LONE_SURROGATE(400, "malformed-request", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\"sku\":\"", "\"sku\":\"\\\\udc00"))),
        INVALID_VALUE(422, "invalid-", true, call -> call.withBody(
                new String(call.body(), StandardCharsets.UTF_8).replaceFirst("\"quantity\":\\d+", "\"quantity\":-1")));

        final int status;
        final String type;
        final boolean needsBody;
        final UnaryOperator<Call> change;

        Variation(int status, String type, boolean needsBody, UnaryOperator<Call> change) {
            this.status = status;
            this.type = type;
            this.needsBody = needsBody;
            this.change = change;
        }
    }

    @Autowired
    ApplicationContext context;
    @Autowired
    Redemptions redemptions;

    private String key;
    private String memberNumber;

    @BeforeEach
    void tillAndMember() {
        key = newKeyOf("merchant");
        // A member of their own: the demo member's points are read by other tests.
        memberNumber = memberNumberOf(new CatalogFixtures(context).member(0).username());
    }

    static Stream<Arguments> refusals() {
        return Arrays.stream(Endpoint.values()).flatMap(endpoint -> Arrays.stream(Variation.values())
                .filter(variation -> endpoint.takesBody || !variation.needsBody)
                .map(variation -> Arguments.of(endpoint, variation)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refusals")
    void everyRefusalOfEveryWriteRecordsNothing(Endpoint endpoint, Variation variation) throws Exception {
        Call call = variation.change.apply(validCall(endpoint));
        Map<String, Long> before = recorded();

        RawHttp.Answer answer = send(call);

        assertThat(answer.status()).as(answer.body()).isEqualTo(variation.status);
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("type").asString()).startsWith("urn:evergreen:problem:" + variation.type);
        assertThat(answer.header("location")).as("never a redirect").isNull();
        assertThat(recorded()).isEqualTo(before);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void theUnchangedRequestOfEachEndpointIsRecorded(Endpoint endpoint) throws Exception {
        Map<String, Long> before = recorded();

        RawHttp.Answer answer = send(validCall(endpoint));

        assertThat(answer.status()).as(answer.body()).isEqualTo(201);
        assertThat(recorded()).isNotEqualTo(before);
    }

    static Stream<Endpoint> endpoints() {
        return Arrays.stream(Endpoint.values());
    }

    private Call validCall(Endpoint endpoint) throws Exception {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("Authorization", "Bearer " + key,
                "Content-Type", "application/json", "Accept", "application/json", "Idempotency-Key", UUID.randomUUID().toString()));
        return switch (endpoint) {
            case PURCHASE -> new Call("POST", "/api/v1/purchases", headers, purchaseBody().getBytes(StandardCharsets.UTF_8));
            case REFUND -> new Call("POST", "/api/v1/purchases/" + purchase() + "/refunds", headers,
                    "{\"full\":false,\"lines\":[{\"sku\":\"TEA\",\"quantity\":1}]}".getBytes(StandardCharsets.UTF_8));
            case FULFIL -> new Call("POST", "/api/v1/redemptions/" + redemptionCode() + "/fulfil", headers, new byte[0]);
        };
    }

    private String purchaseBody() {
        return """
                {"memberNumber":"%s","receiptNumber":"R-%s","purchasedAt":"%s","currency":"CNY","total":22.00,\
                "lines":[{"sku":"TEA","name":"绿茶","category":"drinks","quantity":2,"unitPrice":11.00,"green":false}]}"""
                .formatted(memberNumber, UUID.randomUUID().toString().substring(0, 12), Instant.now());
    }

    private long purchase() throws Exception {
        var answer = post("/api/v1/purchases", purchaseBody(), UUID.randomUUID().toString(), key);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return JSON.readTree(answer.body()).get("purchaseId").asLong();
    }

    private String redemptionCode() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long reward = fixtures.reward("merchant", "拒绝测试杯", "50", 500, null, null, false);
        TestMember member = fixtures.member(500);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "api"));
        return redemption.code();
    }

    private RawHttp.Answer send(Call call) throws Exception {
        StringBuilder head = new StringBuilder(call.method() + " " + call.path() + " HTTP/1.1\r\n");
        call.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return RawHttp.send(port(), "127.0.0.1", head.toString(), call.body());
    }

    /** What a write could have changed: every row of the ledger, purchases, refunds and redemptions, and the redemptions' states. */
    private Map<String, Long> recorded() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("ledger_entry", "ledger_posting", "ledger_hold", "ledger_lot", "earning_purchase", "earning_purchase_line",
                "earning_refund", "earning_refund_line", "catalog_redemption", "catalog_fulfilment")) {
            counts.put(table, jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
        }
        counts.put("redemptions fulfilled", jdbc.sql("SELECT COUNT(*) FROM catalog_redemption WHERE status = 'FULFILLED'").query(Long.class).single());
        counts.put("wallet balances", jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM ledger_account").query(Long.class).single());
        return counts;
    }

    private static byte[] withInvalidUtf8(byte[] body) {
        byte[] changed = Arrays.copyOf(body, body.length);
        String text = new String(body, StandardCharsets.UTF_8);
        int at = text.indexOf("TEA");
        changed[at] = (byte) 0xFF;
        return changed;
    }
}
