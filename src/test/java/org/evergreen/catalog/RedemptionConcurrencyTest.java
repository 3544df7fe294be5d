package org.evergreen.catalog;

import org.evergreen.EvergreenTest;
import org.evergreen.Together;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Redemptions racing each other on the real database: stock is never oversold and no wallet goes below zero. */
@EvergreenTest
class RedemptionConcurrencyTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Redemptions redemptions;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void manyMembersRacingForTheLastItemsGetExactlyTheStock() throws Exception {
        long reward = fixtures.reward("merchant", "限量随行杯", "50", 1_000, 5L, null, false);
        List<TestMember> members = IntStream.range(0, 24).mapToObj(i -> fixtures.member(1_000)).toList();
        Map<RedemptionRefused.Kind, AtomicInteger> refusals = new ConcurrentHashMap<>();
        List<Redemption> won = Together.race(members.size(), i -> fixtures.as(members.get(i).username(), () -> {
            try {
                return redemptions.redeem(reward, 1, false, "race");
            } catch (RedemptionRefused refused) {
                refusals.computeIfAbsent(refused.kind(), kind -> new AtomicInteger()).incrementAndGet();
                return null;
            }
        }));

        assertThat(won).hasSize(5);
        assertThat(refusals).containsOnlyKeys(RedemptionRefused.Kind.OUT_OF_STOCK);
        assertThat(refusals.get(RedemptionRefused.Kind.OUT_OF_STOCK)).hasValue(19);
        assertThat(jdbc.sql("SELECT stock_left FROM catalog_reward WHERE id = ?").param(reward).query(Long.class).single()).isZero();
        assertThat(members.stream().mapToLong(member -> fixtures.held(member.id())).sum()).isEqualTo(5_000);
        assertThat(members.stream().mapToLong(member -> fixtures.available(member.id()))).allMatch(points -> points == 0 || points == 1_000);
        assertClean();
    }

    @Test
    void oneMemberRedeemingFromManySessionsWithPointsForOneGetsOne() throws Exception {
        long reward = fixtures.reward("merchant", "不限量代金券", "30", 3_000, null, null, false);
        TestMember member = fixtures.member(3_000);
        AtomicInteger insufficient = new AtomicInteger();
        // Each session has its own request key, as separate browser tabs would.
        List<Redemption> won = Together.race(8, i -> fixtures.as(member.username(), () -> {
            try {
                return redemptions.redeem(reward, 1, false, "session-" + i);
            } catch (RedemptionRefused refused) {
                assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.INSUFFICIENT_POINTS);
                insufficient.incrementAndGet();
                return null;
            }
        }));

        assertThat(won).hasSize(1);
        assertThat(insufficient).hasValue(7);
        assertThat(fixtures.available(member.id())).isZero();
        assertThat(fixtures.held(member.id())).isEqualTo(3_000);
        assertThat(jdbc.sql("SELECT redeemed FROM catalog_reward WHERE id = ?").param(reward).query(Long.class).single()).isEqualTo(1);
        assertClean();
    }

    @Test
    void aDoubleClickIsOneRedemption() throws Exception {
        long reward = fixtures.reward("merchant", "双击保护", "30", 1_000, 100L, null, false);
        TestMember member = fixtures.member(10_000);
        List<Redemption> answers = Together.race(6, i -> fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "one-click")));

        assertThat(answers).hasSize(6);
        assertThat(answers).extracting(Redemption::id).containsOnly(answers.getFirst().id());
        assertThat(fixtures.held(member.id())).isEqualTo(1_000);
        assertThat(fixtures.available(member.id())).isEqualTo(9_000);
        assertClean();
    }

    private void assertClean() {
        IntegrityReport report = SystemActor.call(() -> ledger.verifyIntegrity());
        assertThat(report.violations()).isEmpty();
    }
}
