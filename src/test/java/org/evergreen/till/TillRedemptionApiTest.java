package org.evergreen.till;

import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.Redemptions;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Tills fulfil catalog redemptions over HTTP: once, replayable, only their own merchant's, never late. */
class TillRedemptionApiTest extends TillApiTestSupport {

    @Autowired
    ApplicationContext context;
    @Autowired
    Redemptions redemptions;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    private Redemption redeemed(long points) {
        long reward = fixtures.reward("merchant", "核销测试杯", "50", points, null, null, false);
        TestMember member = fixtures.member(points);
        return fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "api"));
    }

    @Test
    void aTillFulfilsARedemptionOnceAndAReplayAnswersTheSame() throws Exception {
        Redemption redemption = redeemed(1_500);
        String key = newKeyOf("merchant");
        HttpResponse<String> fulfilled = post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", "fulfil-1", key);
        assertThat(fulfilled.statusCode()).as(fulfilled.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(fulfilled.body());
        assertThat(body.get("code").asString()).isEqualTo(redemption.code());
        assertThat(body.get("points").asLong()).isEqualTo(1_500);
        assertThat(body.get("replay").asBoolean()).isFalse();
        assertThat(fixtures.held(redemption.memberId())).isZero();
        assertThat(fixtures.available(redemption.memberId())).isZero();

        HttpResponse<String> replay = post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", "fulfil-1", key);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(replay.body()).get("replay").asBoolean()).isTrue();
        assertThat(JSON.readTree(replay.body()).get("fulfilledAt")).isEqualTo(body.get("fulfilledAt"));

        assertProblem(post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", "fulfil-2", key), 409,
                "redemption-already-fulfilled");
        Redemption other = redeemed(1_000);
        assertProblem(post("/api/v1/redemptions/" + other.code() + "/fulfil", "", "fulfil-1", key), 422, "idempotency-key-reused");
        assertThat(fixtures.held(other.memberId())).isEqualTo(1_000);
    }

    @Test
    void anotherMerchantsTillFindsNothingAndBadRequestsAreRefused() throws Exception {
        Redemption redemption = redeemed(1_200);
        String hotelKey = newKeyOf("hotel");
        HttpResponse<String> foreign = post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", "foreign", hotelKey);
        assertProblem(foreign, 404, "redemption-not-found");
        assertProblem(post("/api/v1/redemptions/NOSUCHCODE/fulfil", "", "unknown", hotelKey), 404, "redemption-not-found");
        assertProblem(post("/api/v1/redemptions/short/fulfil", "", "malformed", hotelKey), 404, "redemption-not-found");
        String key = newKeyOf("merchant");
        assertProblem(post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", null, key), 400, "idempotency-key-required");
        assertProblem(post("/api/v1/redemptions/" + redemption.code() + "/fulfil", "", "no-key", "eg_wrong_key"), 401, "unauthorized");
        assertThat(fixtures.held(redemption.memberId())).isEqualTo(1_200);
    }

    @Test
    void anExpiredOrCancelledRedemptionIsNotFulfilled() throws Exception {
        Redemption late = redeemed(900);
        jdbc.sql("UPDATE catalog_redemption SET expires_at = ? WHERE id = ?")
                .params(LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1), late.id()).update();
        String key = newKeyOf("merchant");
        HttpResponse<String> expired = post("/api/v1/redemptions/" + late.code() + "/fulfil", "", "late", key);
        assertProblem(expired, 410, "redemption-expired");
        // The till names no language: the answer is in the platform's, Chinese.
        assertThat(JSON.readTree(expired.body()).get("detail").asString()).isEqualTo("这笔兑换未在期限内核销，积分已退回会员。");
        assertThat(fixtures.held(late.memberId())).isEqualTo(900);
        SystemActor.run(() -> redemptions.expireDue());
        assertThat(fixtures.held(late.memberId())).isZero();
        assertProblem(post("/api/v1/redemptions/" + late.code() + "/fulfil", "", "late-again", key), 410, "redemption-expired");

        Redemption cancelled = redeemed(700);
        fixtures.as("merchant", () -> redemptions.cancelByMerchant(cancelled.id(), "缺货"));
        assertProblem(post("/api/v1/redemptions/" + cancelled.code() + "/fulfil", "", "cancelled", key), 409, "redemption-cancelled");
    }
}
