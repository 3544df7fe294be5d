package org.evergreen.till;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The till API over real HTTP: API keys, the member balance for the till display, problem details. */
class TillApiTest extends TillApiTestSupport {

    private String demoMemberNumber;
    private String tillKey;

    @BeforeEach
    void findDemoMember() {
        demoMemberNumber = memberNumberOf("member");
    }

    @Test
    void theReadmesKeyAndMemberNumberWorkAsPrinted() throws Exception {
        assertThat(demoMemberNumber).isEqualTo(DEMO_MEMBER_NUMBER);
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(readme).contains(DEMO_KEY, "/api/v1/members/" + DEMO_MEMBER_NUMBER + "/balance", "\"memberNumber\":\"" + DEMO_MEMBER_NUMBER + "\"");
        assertThat(get("/api/v1/members/" + DEMO_MEMBER_NUMBER + "/balance", DEMO_KEY, "en").statusCode()).isEqualTo(200);
    }

    @Test
    void theReadmesPurchaseExampleRunsAsWrittenOnAFreshMachine() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        assertThat(readme).doesNotContain("uuidgen");
        String block = readme.substring(readme.indexOf("curl -X POST http://localhost:8080/api/v1/purchases"));
        String command = block.substring(0, block.indexOf("\n# ")).replace("localhost:8080", "localhost:" + port());
        org.junit.jupiter.api.Assumptions.assumeTrue(new java.io.File("/usr/bin/curl").canExecute(), "curl is not installed");

        // curl's progress meter goes to its standard error, which a terminal shows apart from the answer.
        Process curl = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String answer = new String(curl.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(curl.waitFor()).as(answer).isZero();
        JsonNode purchase = JSON.readTree(answer);
        assertThat(purchase.get("pointsEarned").asLong()).as(answer).isPositive();
        // The demo member's points as they were, for the tests that read them.
        assertThat(post("/api/v1/purchases/" + purchase.get("purchaseId").asLong() + "/refunds", "{\"full\":true}",
                "readme-example-refund-" + purchase.get("purchaseId").asLong(), DEMO_KEY).statusCode()).isEqualTo(201);
    }

    @Test
    void aTillWithItsKeySeesTheMembersPoints() throws Exception {
        HttpResponse<String> response = get("/api/v1/members/" + demoMemberNumber + "/balance", DEMO_KEY, "zh-CN");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode balance = JSON.readTree(response.body());
        assertThat(balance.get("memberNumber").asString()).isEqualTo(demoMemberNumber);
        assertThat(balance.get("available").asLong()).isEqualTo(2_980);
        assertThat(balance.get("held").asLong()).isEqualTo(800);
        assertThat(balance.get("expiringWithin30Days").asLong()).isEqualTo(500);
        assertThat(jdbc.sql("SELECT last_used_at IS NOT NULL FROM merchant_till_key WHERE key_prefix = 'demo0001'")
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void withoutAValidKeyTheAnswerIsAProblemDetail() throws Exception {
        for (String key : new String[]{null, "not-a-key", "eg_demo0001_EvergreenDemoTillKey2026Pine0002"}) {
            HttpResponse<String> response = get("/api/v1/members/" + demoMemberNumber + "/balance", key, "en");
            assertThat(response.statusCode()).as(String.valueOf(key)).isEqualTo(401);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = JSON.readTree(response.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:evergreen:problem:unauthorized");
            assertThat(problem.get("title").asString()).isEqualTo("Not signed in");
            assertThat(problem.get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownMemberIsAProblemInTheCallersLanguage() throws Exception {
        for (String number : new String[]{"912345678904", "12345", "<script>"}) {
            HttpResponse<String> chinese = get("/api/v1/members/" + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8)
                    + "/balance", DEMO_KEY, "zh-CN");
            assertThat(chinese.statusCode()).as(number).isEqualTo(404);
            JsonNode problem = JSON.readTree(chinese.body());
            assertThat(problem.get("type").asString()).isEqualTo("urn:evergreen:problem:member-not-found");
            assertThat(problem.get("title").asString()).isEqualTo("未找到会员");
        }
        JsonNode english = JSON.readTree(get("/api/v1/members/912345678904/balance", DEMO_KEY, "en-US").body());
        assertThat(english.get("title").asString()).isEqualTo("Member not found");
    }

    @Test
    void aRevokedKeyStopsWorkingAtOnce() throws Exception {
        signInAs("merchant");
        long store = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        String key = tillKeys.create(store, "临时收银台");
        assertThat(get("/api/v1/members/" + demoMemberNumber + "/balance", key, "zh-CN").statusCode()).isEqualTo(200);

        long keyId = jdbc.sql("SELECT id FROM merchant_till_key WHERE key_prefix = ?").param(key.substring(3, 11)).query(Long.class).single();
        tillKeys.revoke(keyId);
        assertThat(get("/api/v1/members/" + demoMemberNumber + "/balance", key, "zh-CN").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("SELECT secret_hash FROM merchant_till_key WHERE id = ?").param(keyId).query(String.class).single())
                .isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(key.substring(12).getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
    }

    @Test
    void requestsTheApiCannotTakeAreProblemsInTheCallersLanguageNotPages() throws Exception {
        long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
        tillKey = newKeyOf("merchant");

        HttpResponse<String> unknownPath = send(request("/api/v1/no-such-thing").header("Accept-Language", "en").GET());
        assertProblem(unknownPath, 404, "not-found");
        assertThat(JSON.readTree(unknownPath.body()).get("title").asString()).isEqualTo("No such resource");

        HttpResponse<String> wrongMethod = send(request("/api/v1/purchases").header("Accept-Language", "en").GET());
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allowed -> assertThat(allowed).contains("POST"));

        HttpResponse<String> notJson = send(request("/api/v1/purchases").header("Content-Type", "text/plain")
                .header("Idempotency-Key", "not-json").POST(HttpRequest.BodyPublishers.ofString("milk, 2")));
        assertProblem(notJson, 415, "unsupported-media-type");
        // A till that names no language is answered in the platform's, Chinese.
        assertThat(JSON.readTree(notJson.body()).get("title").asString()).isEqualTo("请求体须为 JSON");

        assertProblem(send(request("/api/v1/purchases").header("Content-Type", "application/json").header("Idempotency-Key", "no-body")
                .POST(HttpRequest.BodyPublishers.noBody())), 400, "malformed-request");
        assertProblem(send(request("/api/v1/purchases/not-a-number").GET()), 400, "malformed-request");
        assertProblem(send(request("/api/v1/purchases/1/refunds").DELETE()), 405, "method-not-allowed");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isEqualTo(entries);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + tillKey);
    }

    @Test
    void theOpenApiDescriptionIsServedWithoutAKey() throws Exception {
        HttpResponse<String> description = get("/api/openapi.yaml", null, "en");
        assertThat(description.statusCode()).isEqualTo(200);
        assertThat(description.body()).contains("openapi: 3.1.0", "/purchases/{purchaseId}/refunds", "tillKey");
    }
}
