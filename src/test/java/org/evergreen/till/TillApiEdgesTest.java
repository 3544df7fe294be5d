package org.evergreen.till;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edges of the till API, over real HTTP: input that must be refused rather than changed, paths and headers the
 * servlet container or the firewall refuses, many languages, and guessing keys. Every refusal is a typed problem
 * detail; nothing under /api/ redirects to the sign-in page.
 */
class TillApiEdgesTest extends TillApiTestSupport {

    private static final String BALANCE = "/api/v1/members/" + DEMO_MEMBER_NUMBER + "/balance";

    @Value("${evergreen.till-api.failed-authentications.per-address:20}")
    int failuresPerAddress;

    private String key;

    @BeforeEach
    void key() {
        key = newKeyOf("merchant");
    }

    @Test
    void duplicateFieldsAreRefusedNamingTheFieldAndNobodyIsCredited() throws Exception {
        long entries = entries();
        String other = memberNumberOf("13800000001");
        HttpResponse<String> twice = post("/api/v1/purchases", purchase("\"memberNumber\":\"" + other + "\",\"memberNumber\":\"" + DEMO_MEMBER_NUMBER + "\""),
                UUID.randomUUID().toString(), key);
        assertField(twice, "memberNumber", "appears more than once");

        HttpResponse<String> nested = post("/api/v1/purchases", purchase("\"memberNumber\":\"" + DEMO_MEMBER_NUMBER + "\"")
                .replace("\"sku\":\"TEA\"", "\"sku\":\"TEA\",\"sku\":\"CUP\""), UUID.randomUUID().toString(), key);
        assertField(nested, "lines[0].sku", "appears more than once");
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void aLoneSurrogateIsRefusedNamingTheFieldNotStoredAsAQuestionMark() throws Exception {
        long entries = entries();
        HttpResponse<String> answer = post("/api/v1/purchases", purchase("\"memberNumber\":\"" + DEMO_MEMBER_NUMBER + "\"")
                .replace("绿茶", "绿茶\\ud800"), UUID.randomUUID().toString(), key);
        assertField(answer, "lines[0].name", "not valid Unicode");
        assertThat(entries()).isEqualTo(entries);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM earning_purchase_line WHERE name LIKE '%?%'").query(Long.class).single()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "\"memberNumber\":920261201007|memberNumber|a JSON string",
            "\"memberNumber\":\"920261201007\",\"storeId\":\"1\"|storeId|a JSON whole number",
            "\"memberNumber\":\"920261201007\"#\"quantity\":2#\"quantity\":\"2\"|lines[0].quantity|a JSON whole number",
            "\"memberNumber\":\"920261201007\"#\"quantity\":2#\"quantity\":2.0|lines[0].quantity|a JSON whole number",
            "\"memberNumber\":\"920261201007\"#\"unitPrice\":11.00#\"unitPrice\":\"11.00\"|lines[0].unitPrice|a JSON number",
            "\"memberNumber\":\"920261201007\"#\"green\":false#\"green\":0|lines[0].green|true or false",
            "\"memberNumber\":\"920261201007\"#\"green\":false#\"green\":\"false\"|lines[0].green|true or false",
            "\"memberNumber\":\"920261201007\"#\"total\":22.00#\"total\":\"22.00\"|total|a JSON number",
            "\"memberNumber\":\"920261201007\"#\"sku\":\"TEA\"#\"sku\":7|lines[0].sku|a JSON string",
    })
    void noValueIsCoercedFromAnotherJsonType(String example) throws Exception {
        String[] parts = example.split("\\|");
        String[] member = parts[0].split("#");
        String body = purchase(member[0]);
        if (member.length == 3) {
            body = body.replace(member[1], member[2]);
        }
        long entries = entries();
        HttpResponse<String> answer = post("/api/v1/purchases", body, UUID.randomUUID().toString(), key);
        assertField(answer, parts[1], "must be " + parts[2]);
        assertThat(entries()).isEqualTo(entries);
    }

    @Test
    void anIdempotencyKeyOverTheLimitHasAProblemOfItsOwnWithTheLimit() throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/purchases")).header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json").header("Accept-Language", "en").header("Idempotency-Key", "k".repeat(129))
                .POST(HttpRequest.BodyPublishers.ofString(purchase("\"memberNumber\":\"" + DEMO_MEMBER_NUMBER + "\""))));
        assertProblem(answer, 400, "idempotency-key-too-long");
        assertThat(JSON.readTree(answer.body()).get("detail").asString()).contains("at most 128 characters", "has 129");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/./members/920261201007/balance", "/api/v1/../v1/members/920261201007/balance",
            "/api/v1/..;/v1/members/920261201007/balance", "/api/v1/members%2F920261201007/balance", "/api/v1/%2e%2e%2fmembers/x",
            "/api/v1/members/92%00/balance", "/api//v1/members/920261201007/balance", "/api/v1/members/920261201007/balance;x=1",
            "/api/../api/v1/members/920261201007/balance"})
    void nonCanonicalPathsAreProblemsNeverTheSignInPage(String path) throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), "GET " + path + " HTTP/1.1\r\nAuthorization: Bearer " + DEMO_KEY
                + "\r\nAccept-Language: en\r\n");
        assertRawProblem(answer, 400, "invalid-path");
        assertThat(JSON.readTree(answer.body()).get("title").asString()).isEqualTo("Path not in canonical form");
    }

    @Test
    void traceIsAProblemWithTheMethodsAllowed() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), "TRACE " + BALANCE + " HTTP/1.1\r\nAuthorization: Bearer " + DEMO_KEY + "\r\n");
        assertRawProblem(answer, 405, "method-not-allowed");
        assertThat(answer.header("allow")).doesNotContain("TRACE").contains("GET");
    }

    @Test
    void headersOverTheLimitAreAProblem() throws Exception {
        RawHttp.Answer answer = RawHttp.send(port(), "GET " + BALANCE + " HTTP/1.1\r\nAuthorization: Bearer " + DEMO_KEY
                + "\r\nX-Padding: " + "a".repeat(20_000) + "\r\n");
        assertRawProblem(answer, 431, "request-header-too-large");
    }

    @Test
    void manyLanguagesAreReadNotRefused() throws Exception {
        String languages = "fr,de,it,es,pt,ru,ja,ko,nl,sv,da,en;q=0.5";
        HttpResponse<String> api = send(HttpRequest.newBuilder(uri(BALANCE)).header("Authorization", "Bearer " + key)
                .header("Accept-Language", languages).GET());
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        HttpResponse<String> unknownMember = send(HttpRequest.newBuilder(uri("/api/v1/members/912345678904/balance"))
                .header("Authorization", "Bearer " + key).header("Accept-Language", languages).GET());
        assertThat(JSON.readTree(unknownMember.body()).get("title").asString()).isEqualTo("Member not found");

        HttpResponse<String> portal = send(HttpRequest.newBuilder(uri("/login")).header("Accept-Language", languages).GET());
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.headers().firstValue("location")).isEmpty();
        assertThat(portal.body()).contains("<html");
    }

    @Test
    void theDescriptionIsServedAsYaml() throws Exception {
        HttpResponse<String> description = get("/api/openapi.yaml", null, "en");
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    }

    @Test
    void guessingKeysFromOneAddressIsSlowedDownWithoutLockingOutTheStoresOwnKey() throws Exception {
        String store = "127.0.0.2";
        assertThat(fromAddress(store, key).status()).as("the store's till, before the guessing").isEqualTo(200);
        String guessed = "eg_" + UUID.randomUUID().toString().substring(0, 8).replace("-", "x") + "_" + "g".repeat(32);

        int refusedAsUnknown = 0;
        RawHttp.Answer answer = fromAddress(store, guessed);
        while (answer.status() == 401 && refusedAsUnknown < 1_000) {
            refusedAsUnknown++;
            answer = fromAddress(store, guessed);
        }
        assertThat(refusedAsUnknown).isEqualTo(failuresPerAddress);
        assertRawProblem(answer, 429, "too-many-failed-authentications");
        assertThat(Long.parseLong(answer.header("retry-after"))).isPositive();
        // Still slowed down: the next guess is not even checked.
        assertThat(fromAddress(store, guessed).status()).isEqualTo(429);
        // Another key never used from here waits as well; the key that worked from here before does not.
        assertThat(fromAddress(store, newKeyOf("merchant")).status()).isEqualTo(429);
        assertThat(fromAddress(store, key).status()).isEqualTo(200);
        // Other addresses are not affected.
        assertThat(fromAddress("127.0.0.3", guessed).status()).isEqualTo(401);
    }

    private RawHttp.Answer fromAddress(String address, String tillKey) throws Exception {
        return RawHttp.send(port(), address, "GET " + BALANCE + " HTTP/1.1\r\nAuthorization: Bearer " + tillKey + "\r\nAccept-Language: en\r\n",
                new byte[0]);
    }

    private static void assertRawProblem(RawHttp.Answer answer, int status, String type) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.header("location")).as("never a redirect").isNull();
        assertThat(answer.header("content-type")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).get("type").asString()).isEqualTo("urn:evergreen:problem:" + type);
    }

    private static void assertField(HttpResponse<String> answer, String field, String detail) throws Exception {
        assertProblem(answer, 400, "malformed-request");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.get("field").asString()).isEqualTo(field);
        assertThat(problem.get("detail").asString()).contains("\"" + field + "\"", detail);
    }

    private String purchase(String member) {
        return """
                {%s,"receiptNumber":"R-%s","purchasedAt":"%s","currency":"CNY","total":22.00,\
                "lines":[{"sku":"TEA","name":"绿茶","category":"drinks","quantity":2,"unitPrice":11.00,"green":false}]}"""
                .formatted(member, UUID.randomUUID().toString().substring(0, 12), Instant.now());
    }

    @Override
    protected HttpResponse<String> post(String path, String body, String idempotencyKey, String tillKey) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tillKey).header("Content-Type", "application/json")
                .header("Accept-Language", "en").header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
    }
}
