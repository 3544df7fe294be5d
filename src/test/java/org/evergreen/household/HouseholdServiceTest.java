package org.evergreen.household;

import org.evergreen.EvergreenTest;
import org.evergreen.Together;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.Redemptions;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.Purchases;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Households on the real database: their rules, who may touch whose points, and races between members. */
@EvergreenTest
class HouseholdServiceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Households households;
    @Autowired
    Redemptions redemptions;
    @Autowired
    Purchases purchases;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    /** A household of a head and members, each with the points given, all joined by invitation. */
    private List<TestMember> family(LeavingRule rule, long... points) {
        List<TestMember> family = new ArrayList<>();
        for (long each : points) {
            family.add(fixtures.member(each));
        }
        fixtures.as(family.getFirst().username(), () -> households.createMine("测试之家", rule, true));
        for (TestMember member : family.subList(1, family.size())) {
            Invitation invitation = fixtures.as(family.getFirst().username(), () -> households.invite());
            fixtures.as(member.username(), () -> households.accept(invitation.code(), true));
        }
        return family;
    }

    private HouseholdOverview overview(TestMember member) {
        return fixtures.as(member.username(), () -> households.myHousehold()).orElseThrow();
    }

    @Test
    void joiningNeedsAnOpenInvitationAndConsentAndAMemberBelongsToOneHouseholdOnly() {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 0, 0);
        TestMember outsider = fixtures.member(0);
        Invitation invitation = fixtures.as(family.getFirst().username(), () -> households.invite());
        assertRefused(() -> fixtures.as(outsider.username(), () -> households.accept(invitation.code(), false)), "household.consent.required");
        fixtures.as(outsider.username(), () -> households.decline(invitation.code()));
        assertRefused(() -> fixtures.as(outsider.username(), () -> households.accept(invitation.code(), true)), "household.invitation.answered");

        Invitation late = fixtures.as(family.getFirst().username(), () -> households.invite());
        jdbc.sql("UPDATE household_invitation SET expires_at = ? WHERE code = ?")
                .params(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1), late.code()).update();
        assertThat(fixtures.as(outsider.username(), () -> households.invitation(late.code()))).hasValueSatisfying(
                details -> assertThat(details.state()).isEqualTo(InvitationDetails.State.EXPIRED));
        assertRefused(() -> fixtures.as(outsider.username(), () -> households.accept(late.code(), true)), "household.invitation.expired");

        Invitation other = fixtures.as(family.getFirst().username(), () -> households.invite());
        assertRefused(() -> fixtures.as(family.get(1).username(), () -> households.accept(other.code(), true)),
                "household.member.alreadyInHousehold");
        assertRefused(() -> fixtures.as(family.get(1).username(), () -> households.invite()), "household.headOnly");
        HouseholdOverview household = overview(family.getFirst());
        assertThat(household.members()).hasSize(2);
        assertThat(household.poolAvailable()).isZero();
        // Looking at a household that never pooled opens no ledger account for it.
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_account WHERE type IN ('HOUSEHOLD_POOL', 'HOUSEHOLD_HELD') AND owner_id = ?")
                .param(household.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aSweepPoolsItsShareOfEveryPurchaseInThePurchasesTransaction() {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 0, 0);
        TestMember sweeper = family.get(1);
        fixtures.as(sweeper.username(), () -> households.setSweep(50));
        PurchaseRequest purchase = new PurchaseRequest(fixtures.memberNumber(sweeper.id()), null, null, "SWEEP-" + System.nanoTime(), Instant.now(), "CNY",
                new BigDecimal("41.00"), List.of(new PurchaseRequest.Line("S-1", "毛巾", "home", 1, new BigDecimal("41.00"), false, null)));
        long[] earned = {fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()).pointsEarned())};

        // At least 41 points at the demo store's base rate (campaigns that other tests launched may add to them); half
        // of them, rounded down, is swept.
        long swept = earned[0] / 2;
        assertThat(earned[0]).isGreaterThanOrEqualTo(41);
        assertThat(fixtures.available(sweeper.id())).isEqualTo(earned[0] - swept);
        HouseholdOverview household = overview(sweeper);
        assertThat(household.poolAvailable()).isEqualTo(swept);
        assertThat(household.mySweepPercent()).isEqualTo(50);
        assertThat(household.members()).filteredOn(member -> member.memberId() == sweeper.id())
                .singleElement().satisfies(member -> assertThat(member.unspent()).isEqualTo(swept));
        assertThat(fixtures.as(sweeper.username(), () -> households.myActivity(0, 1))).singleElement()
                .satisfies(activity -> {
                    assertThat(activity.kind()).isEqualTo(HouseholdActivity.Kind.SWEPT);
                    assertThat(activity.points()).isEqualTo(swept);
                });
        assertRefused(() -> fixtures.as(sweeper.username(), () -> households.setSweep(120)), "household.sweep.invalid");
    }

    @Test
    void onlyTheHeadAndAuthorisedMembersRedeemFromThePoolAndFulfilmentChargesTheContributions() {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 3_000, 1_000, 0);
        TestMember head = family.get(0);
        TestMember contributor = family.get(1);
        TestMember child = family.get(2);
        fixtures.as(head.username(), () -> households.pool(3_000));
        fixtures.as(contributor.username(), () -> households.pool(1_000));
        long reward = fixtures.reward("merchant", "家庭池礼品", "100", 2_000, null, null, false);

        assertThatThrownBy(() -> fixtures.as(child.username(), () -> redemptions.redeemFromPool(reward, 1, false, "child")))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.NO_POOL));
        fixtures.as(head.username(), () -> households.setCanRedeem(child.id(), true));
        Redemption redemption = fixtures.as(child.username(), () -> redemptions.redeemFromPool(reward, 1, false, "child"));
        assertThat(redemption.fromPool()).isTrue();
        assertThat(overview(head).poolAvailable()).isEqualTo(2_000);
        assertThat(overview(head).poolHeld()).isEqualTo(2_000);
        assertThat(fixtures.available(child.id())).isZero();

        // While the pool's points are held, nobody takes a share of the pool home: the redemption decides what is left.
        assertRefused(() -> fixtures.as(head.username(), () -> households.remove(contributor.id())), "household.leave.pendingRedemptions");
        fixtures.as("merchant", () -> redemptions.fulfilMine(redemption.code()));
        HouseholdOverview after = overview(head);
        assertThat(after.poolHeld()).isZero();
        // 2,000 spent, charged 3 : 1 to the two contributors.
        assertThat(after.members()).extracting(HouseholdOverview.Member::unspent).containsExactly(1_500L, 500L, 0L);
        assertThat(fixtures.as(head.username(), () -> households.myActivity(0, 1))).singleElement()
                .satisfies(activity -> assertThat(activity.kind()).isEqualTo(HouseholdActivity.Kind.REDEEMED));

        Redemption cancelled = fixtures.as(child.username(), () -> redemptions.redeemFromPool(reward, 1, false, "child-2"));
        assertThat(fixtures.as(head.username(), () -> households.myActivity(0, 1))).singleElement()
                .satisfies(activity -> assertThat(activity.kind()).isEqualTo(HouseholdActivity.Kind.POOL_HELD));
        fixtures.as(child.username(), () -> redemptions.cancelMine(cancelled.id()));
        assertThat(overview(head).poolAvailable()).isEqualTo(2_000);
        assertThat(fixtures.as(head.username(), () -> households.myActivity(0, 1))).singleElement()
                .satisfies(activity -> {
                    assertThat(activity.kind()).isEqualTo(HouseholdActivity.Kind.POOL_RELEASED);
                    assertThat(activity.points()).isEqualTo(2_000);
                });

        fixtures.as(head.username(), () -> households.setCanRedeem(child.id(), false));
        assertThatThrownBy(() -> fixtures.as(child.username(), () -> redemptions.redeemFromPool(reward, 1, false, "again")))
                .isInstanceOf(RedemptionRefused.class);
    }

    @Test
    void giftsStayInsideTheHouseholdAndWithinTheLimits() {
        SystemActor.run(() -> households.setGiftLimits(500L, 800L));
        try {
            List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 2_000, 0);
            List<TestMember> neighbours = family(LeavingRule.LEAVE_IN_POOL, 0, 0);
            TestMember giver = family.get(0);
            fixtures.as(giver.username(), () -> households.gift(family.get(1).id(), 300));
            assertThat(fixtures.available(family.get(1).id())).isEqualTo(300);
            assertThatThrownBy(() -> fixtures.as(giver.username(), () -> households.gift(family.get(1).id(), 300)))
                    .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                        assertThat(refused.messageKey()).isEqualTo("household.gift.dailyLimit");
                        assertThat(refused.arguments()).containsExactly(500L, 200L);
                    });
            // Another household's member, by a guessed id: refused, and nothing moves.
            assertRefused(() -> fixtures.as(giver.username(), () -> households.gift(neighbours.get(1).id(), 100)), "household.gift.notInHousehold");
            assertRefused(() -> fixtures.as(giver.username(), () -> households.remove(neighbours.get(1).id())), "household.member.notInHousehold");
            assertRefused(() -> fixtures.as(giver.username(), () -> households.setCanRedeem(neighbours.get(1).id(), true)),
                    "household.member.notInHousehold");
            assertRefused(() -> fixtures.as(giver.username(), () -> households.gift(giver.id(), 1)), "household.gift.self");
            assertThat(fixtures.available(giver.id())).isEqualTo(1_700);
            assertThat(fixtures.available(neighbours.get(1).id())).isZero();
            assertThat(fixtures.as(neighbours.get(1).username(), () -> households.myActivity(0, 50)))
                    .noneMatch(activity -> activity.kind() == HouseholdActivity.Kind.GIFTED);
        } finally {
            // Other tests, the views' among them, count on the default limits.
            SystemActor.run(() -> households.setGiftLimits(2_000L, 20_000L));
        }
    }

    @Test
    void leavingFollowsTheRuleAgreedAtCreationAndTheLastMemberDissolves() {
        List<TestMember> returning = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 0, 500);
        fixtures.as(returning.get(1).username(), () -> households.pool(500));
        assertRefused(() -> fixtures.as(returning.get(0).username(), () -> households.leave()), "household.leave.headMustHandOver");
        fixtures.as(returning.get(1).username(), () -> households.leave());
        assertThat(fixtures.available(returning.get(1).id())).isEqualTo(500);
        assertThat(overview(returning.get(0)).poolAvailable()).isZero();
        assertThat(fixtures.as(returning.get(1).username(), () -> households.myHousehold())).isEmpty();

        // The head hands over and may then leave; the new head is the one who may invite and redeem.
        List<TestMember> handing = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 0, 0);
        fixtures.as(handing.get(0).username(), () -> households.handOver(handing.get(1).id()));
        assertThat(overview(handing.get(1)).iAmHead()).isTrue();
        assertRefused(() -> fixtures.as(handing.get(0).username(), () -> households.invite()), "household.headOnly");
        fixtures.as(handing.get(0).username(), () -> households.leave());
        assertThat(overview(handing.get(1)).members()).hasSize(1);

        List<TestMember> keeping = family(LeavingRule.LEAVE_IN_POOL, 0, 500);
        fixtures.as(keeping.get(1).username(), () -> households.pool(500));
        fixtures.as(keeping.get(0).username(), () -> households.remove(keeping.get(1).id()));
        assertThat(fixtures.available(keeping.get(1).id())).isZero();
        assertThat(overview(keeping.get(0)).poolAvailable()).isEqualTo(500);
        fixtures.as(keeping.get(0).username(), () -> households.dissolve());
        assertThat(fixtures.available(keeping.get(0).id())).isEqualTo(500);
        assertThat(fixtures.as(keeping.get(0).username(), () -> households.myHousehold())).isEmpty();
        long pool = SystemActor.call(() -> ledger.account(AccountType.HOUSEHOLD_POOL,
                jdbc.sql("SELECT id FROM household_household WHERE head_member_id = ?").param(keeping.get(0).id()).query(Long.class).single()));
        assertThat(SystemActor.call(() -> ledger.balance(pool))).isZero();
    }

    @Test
    void twoMembersRedeemingFromThePoolWithPointsForOneGetOne() throws Exception {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 2_000, 0);
        fixtures.as(family.get(0).username(), () -> households.pool(2_000));
        fixtures.as(family.get(0).username(), () -> households.setCanRedeem(family.get(1).id(), true));
        long reward = fixtures.reward("merchant", "池竞争礼品", "100", 2_000, null, null, false);
        AtomicInteger refused = new AtomicInteger();
        List<Redemption> won = Together.race(2, i -> fixtures.as(family.get(i).username(), () -> {
            try {
                return redemptions.redeemFromPool(reward, 1, false, "pool-race");
            } catch (RedemptionRefused insufficient) {
                assertThat(insufficient.kind()).isEqualTo(RedemptionRefused.Kind.INSUFFICIENT_POINTS);
                refused.incrementAndGet();
                return null;
            }
        }));
        assertThat(won).hasSize(1);
        assertThat(refused).hasValue(1);
        assertThat(overview(family.get(0)).poolAvailable()).isZero();
        assertThat(overview(family.get(0)).poolHeld()).isEqualTo(2_000);
        assertClean();
    }

    @Test
    void aGiftRacingALeaveConservesThePoints() throws Exception {
        for (int round = 0; round < 4; round++) {
            List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 1_000, 300);
            TestMember giver = family.get(0);
            TestMember leaver = family.get(1);
            fixtures.as(leaver.username(), () -> households.pool(300));
            Together.race(2, i -> {
                try {
                    if (i == 0) {
                        fixtures.as(giver.username(), () -> households.gift(leaver.id(), 200));
                    } else {
                        fixtures.as(leaver.username(), () -> households.leave());
                    }
                } catch (InvalidInputException tooLate) {
                    assertThat(tooLate.messageKey()).isEqualTo("household.gift.notInHousehold");
                }
                return null;
            });
            long total = fixtures.available(giver.id()) + fixtures.available(leaver.id()) + overview(giver).poolAvailable();
            assertThat(total).isEqualTo(1_300);
            assertThat(fixtures.available(leaver.id())).isIn(300L, 500L);
            assertThat(fixtures.as(leaver.username(), () -> households.myHousehold())).isEmpty();
        }
        assertClean();
    }

    private void assertClean() {
        IntegrityReport report = SystemActor.call(() -> ledger.verifyIntegrity());
        assertThat(report.violations()).isEmpty();
    }

    private static void assertRefused(Runnable action, String messageKey) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo(messageKey));
    }
}
