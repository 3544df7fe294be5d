package org.evergreen.catalog;

import org.evergreen.EvergreenTest;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.HistoryFilter;
import org.evergreen.ledger.HistoryItem;
import org.evergreen.ledger.Ledger;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog's rules on the real database: the value guarantee, price history, holds, cancellations and expiry. */
@EvergreenTest
class CatalogServiceTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Rewards rewards;
    @Autowired
    Redemptions redemptions;
    @Autowired
    CatalogPolicies policies;
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
    void aPriceThatValuesAPointBelowTheFloorIsRefusedWithTheMostThatMayBeAsked() {
        // Default floor ¥0.005 a point: a ¥100 reward may cost at most 20,000 points.
        assertThatThrownBy(() -> fixtures.reward("merchant", "太贵的杯子", "100", 20_001, null, null, false))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("pointsPrice");
                    assertThat(refused.messageKey()).isEqualTo("catalog.price.belowFloor");
                    Object[] arguments = refused.arguments();
                    assertThat(arguments[0]).isEqualTo(20_001L);
                    assertThat(arguments[2]).isEqualTo("0.0049");
                    assertThat(arguments[3]).isEqualTo("0.005");
                    assertThat(arguments[4]).isEqualTo(20_000L);
                });
        long id = fixtures.reward("merchant", "刚好的杯子", "100", 20_000, null, null, false);
        // Points + cash: the cash part comes off the value the points must carry.
        assertThatThrownBy(() -> fixtures.as("merchant", () -> rewards.changePrice(id, 20_000L, 10_000L, new BigDecimal("60"))))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("cashOptionPoints");
                    assertThat(refused.arguments()[4]).isEqualTo(8_000L);
                });
        assertThat(fixtures.as("merchant", () -> rewards.priceHistory(id))).hasSize(1);
    }

    @Test
    void everyPriceChangeIsKeptAndACampaignPriceAppliesOnlyInItsWindow() {
        long id = fixtures.reward("merchant", "历史价格杯", "100", 10_000, null, null, false);
        fixtures.as("merchant", () -> rewards.changePrice(id, 9_000L, 4_000L, new BigDecimal("50")));
        Instant now = Instant.now();
        fixtures.as("merchant", () -> rewards.addCampaignPrice(id, 7_500L, now, now.plus(Duration.ofDays(3))));
        fixtures.as("merchant", () -> rewards.addCampaignPrice(id, 8_000L, now.plus(Duration.ofDays(10)), now.plus(Duration.ofDays(12))));
        assertThatThrownBy(() -> fixtures.as("merchant", () -> rewards.addCampaignPrice(id, 8_000L, now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(5))))).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("catalog.campaign.overlaps"));
        assertThatThrownBy(() -> fixtures.as("merchant", () -> rewards.addCampaignPrice(id, 9_000L, now.plus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(21))))).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("catalog.campaign.notLower"));

        assertThatThrownBy(() -> fixtures.as("merchant", () -> rewards.changePrice(id, 8_000L, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("catalog.price.belowCampaign");
                    assertThat(refused.arguments()).containsExactly(8_000L);
                });
        List<PriceChange> history = fixtures.as("merchant", () -> rewards.priceHistory(id));
        assertThat(history).extracting(PriceChange::points).containsExactly(8_000L, 7_500L, 9_000L, 10_000L);
        assertThat(history.get(2).cashOptionPoints()).isEqualTo(4_000L);

        TestMember member = fixtures.member(20_000);
        CatalogItem item = fixtures.as(member.username(), () -> rewards.reward(id)).orElseThrow();
        assertThat(item.price().points()).isEqualTo(7_500);
        assertThat(item.price().campaign()).isTrue();
        assertThat(item.regularPoints()).isEqualTo(9_000);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(id, 2, false, "campaign"));
        assertThat(redemption.points()).isEqualTo(15_000);
        assertThat(fixtures.available(member.id())).isEqualTo(5_000);
        assertThat(fixtures.held(member.id())).isEqualTo(15_000);

        // Withdrawn, the reward's history and pictures are its merchant's alone; another merchant never sees them.
        fixtures.as("merchant", () -> rewards.setListed(id, false));
        assertThat(fixtures.as(member.username(), () -> rewards.priceHistory(id))).isEmpty();
        assertThat(fixtures.as("hotel", () -> rewards.priceHistory(id))).isEmpty();
        assertThat(fixtures.as("merchant", () -> rewards.priceHistory(id))).hasSize(4);
    }

    @Test
    void sortingByPointsCountsACampaignPriceAndPagesAcrossBothKindsOfPrice() {
        long cheap = fixtures.reward("merchant", "排序测试甲", "100", 3_000, null, null, false);
        long discounted = fixtures.reward("merchant", "排序测试乙", "100", 9_000, null, null, true);
        long dear = fixtures.reward("merchant", "排序测试丙", "100", 5_000, null, null, false);
        Instant now = Instant.now();
        fixtures.as("merchant", () -> rewards.addCampaignPrice(discounted, 4_000L, now, now.plus(Duration.ofDays(1))));
        TestMember member = fixtures.member(4_500);
        CatalogFilter ascending = new CatalogFilter("排序测试", null, null, false, false, CatalogFilter.CatalogSort.POINTS_ASCENDING);
        CatalogFilter descending = new CatalogFilter("排序测试", null, null, false, false, CatalogFilter.CatalogSort.POINTS_DESCENDING);
        fixtures.as(member.username(), () -> {
            assertThat(rewards.browse(ascending, 0, 10)).extracting(CatalogItem::id).containsExactly(cheap, discounted, dear);
            assertThat(rewards.browse(descending, 0, 10)).extracting(CatalogItem::id).containsExactly(dear, discounted, cheap);
            assertThat(rewards.browse(ascending, 1, 1)).extracting(CatalogItem::id).containsExactly(discounted);
            assertThat(rewards.browseCount(ascending)).isEqualTo(3);
            CatalogFilter affordable = new CatalogFilter("排序测试", null, null, true, false, CatalogFilter.CatalogSort.POINTS_DESCENDING);
            assertThat(rewards.browse(affordable, 0, 10)).extracting(CatalogItem::id).containsExactly(discounted, cheap);
            assertThat(rewards.browseCount(affordable)).isEqualTo(2);
            CatalogFilter green = new CatalogFilter("排序测试", null, null, false, true, CatalogFilter.CatalogSort.NEWEST);
            assertThat(rewards.browse(green, 0, 10)).singleElement().satisfies(item -> {
                assertThat(item.price().points()).isEqualTo(4_000);
                assertThat(item.missingPoints()).isZero();
            });
            assertThat(rewards.browse(new CatalogFilter("排序测试丙", null, null, false, false, CatalogFilter.CatalogSort.NEWEST), 0, 10))
                    .singleElement().satisfies(item -> assertThat(item.missingPoints()).isEqualTo(500));
        });
    }

    @Test
    void pointsAndCashRecordTheCashApartFromTheLedgerWhenFulfilled() {
        long id = fixtures.reward("merchant", "积分加现金床品", "399", 30_000, null, null, false);
        fixtures.as("merchant", () -> rewards.changePrice(id, 30_000L, 12_000L, new BigDecimal("250")));
        TestMember member = fixtures.member(12_500);
        // Short of the 30,000 points alone, but the points + cash option is within reach: affordable, nothing missing.
        assertThat(fixtures.as(member.username(), () -> rewards.reward(id)).orElseThrow().missingPoints()).isZero();
        assertThatThrownBy(() -> fixtures.as(member.username(), () -> redemptions.redeem(id, 1, false, "points-only")))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.INSUFFICIENT_POINTS));
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(id, 1, true, "with-cash"));
        assertThat(redemption.points()).isEqualTo(12_000);
        assertThat(redemption.cashAmount()).isEqualByComparingTo("250");
        assertThat(cashPayments(redemption.id())).isZero();

        FulfilmentResult result = fixtures.as("merchant", () -> redemptions.fulfilMine(redemption.code().toLowerCase()));
        assertThat(result.cashDue()).isEqualByComparingTo("250");
        assertThat(result.currency()).isEqualTo("CNY");
        assertThat(cashPayments(redemption.id())).isEqualTo(1);
        assertThat(fixtures.available(member.id())).isEqualTo(500);
        assertThat(fixtures.held(member.id())).isZero();
        assertThat(fixtures.as(member.username(), () -> redemptions.mine(0, 1)).getFirst().status()).isEqualTo(RedemptionStatus.FULFILLED);
        long merchant = fixtures.merchantOf("merchant");
        long captured = jdbc.sql("""
                        SELECT SUM(p.amount) FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id
                        WHERE e.kind = 'CAPTURE' AND e.reference = ? AND p.account_id = ?""")
                .params("redemption:" + redemption.id(), SystemActor.call(() -> ledger.account(AccountType.MERCHANT_REDEMPTION, merchant)))
                .query(Long.class).single();
        assertThat(captured).isEqualTo(12_000);
        assertThatThrownBy(() -> fixtures.as("merchant", () -> redemptions.fulfilMine(redemption.code())))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.ALREADY_FULFILLED));
    }

    @Test
    void aMemberCancellingGetsThePointsBackAndTheStockReturns() {
        long id = fixtures.reward("merchant", "可取消的杯子", "50", 1_000, 1L, null, false);
        TestMember member = fixtures.member(1_000);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(id, 1, false, "first"));
        TestMember other = fixtures.member(1_000);
        assertThatThrownBy(() -> fixtures.as(other.username(), () -> redemptions.redeem(id, 1, false, "sold-out")))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.OUT_OF_STOCK));
        assertThatThrownBy(() -> fixtures.as(other.username(), () -> redemptions.cancelMine(redemption.id())))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.NOT_FOUND));

        Redemption cancelled = fixtures.as(member.username(), () -> redemptions.cancelMine(redemption.id()));
        assertThat(cancelled.status()).isEqualTo(RedemptionStatus.CANCELLED_BY_MEMBER);
        assertThat(fixtures.available(member.id())).isEqualTo(1_000);
        assertThat(fixtures.held(member.id())).isZero();
        assertThat(fixtures.as(other.username(), () -> redemptions.redeem(id, 1, false, "restocked")).status()).isEqualTo(RedemptionStatus.PENDING);
        assertThatThrownBy(() -> fixtures.as(member.username(), () -> redemptions.cancelMine(redemption.id())))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.CANCELLED));
    }

    @Test
    void aMerchantCancellingReleasesThePointsAndCompensatesWithTheReason() {
        SystemActor.run(() -> policies.setCompensationPercent(new BigDecimal("10")));
        long id = fixtures.reward("merchant", "订不到的房间", "300", 12_345, null, null, false);
        TestMember member = fixtures.member(20_000);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(id, 1, false, "room"));
        assertThatThrownBy(() -> fixtures.as("merchant", () -> redemptions.cancelByMerchant(redemption.id(), "  ")))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.field()).isEqualTo("reason"));
        assertThat(fixtures.held(member.id())).isEqualTo(12_345);

        Redemption cancelled = fixtures.as("merchant", () -> redemptions.cancelByMerchant(redemption.id(), "当日满房，无法安排"));
        assertThat(cancelled.status()).isEqualTo(RedemptionStatus.CANCELLED_BY_MERCHANT);
        assertThat(cancelled.cancelReason()).isEqualTo("当日满房，无法安排");
        assertThat(cancelled.compensationPoints()).isEqualTo(1_234);
        assertThat(fixtures.available(member.id())).isEqualTo(20_000 + 1_234);
        List<HistoryItem> history = SystemActor.call(() -> ledger.memberHistory(member.id(), HistoryFilter.ALL, 0, 10));
        assertThat(history).anySatisfy(item -> {
            assertThat(item.reason()).isEqualTo("compensation");
            assertThat(item.amount()).isEqualTo(1_234);
            assertThat(item.reference()).isEqualTo("redemption:" + redemption.id());
        });
        // Only an owner of the fulfilling merchant cancels; a cashier may not, and another merchant sees nothing.
        Redemption another = fixtures.as(member.username(), () -> redemptions.redeem(id, 1, false, "room-2"));
        assertThatThrownBy(() -> fixtures.as("hotel", () -> redemptions.cancelByMerchant(another.id(), "不是我们的")))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.NOT_FOUND));
        assertThatThrownBy(() -> fixtures.as(member.username(), () -> redemptions.cancelByMerchant(another.id(), "会员不能")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void redemptionsNotFulfilledInTimeAreReleasedOnceAndThePerMemberLimitHolds() {
        long id = fixtures.reward("merchant", "限兑两件", "50", 1_000, 10L, 2, false);
        TestMember member = fixtures.member(5_000);
        Redemption first = fixtures.as(member.username(), () -> redemptions.redeem(id, 2, false, "two"));
        assertThatThrownBy(() -> fixtures.as(member.username(), () -> redemptions.redeem(id, 1, false, "third")))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.LIMIT_REACHED));
        assertThat(fixtures.held(member.id())).isEqualTo(2_000);

        jdbc.sql("UPDATE catalog_redemption SET expires_at = ? WHERE id = ?")
                .params(java.time.LocalDateTime.now(java.time.ZoneOffset.UTC).minusMinutes(1), first.id()).update();
        assertThat(SystemActor.call(() -> redemptions.expireDue())).isGreaterThanOrEqualTo(1);
        assertThat(SystemActor.call(() -> redemptions.expireDue())).isZero();
        assertThat(fixtures.as(member.username(), () -> redemptions.mine(0, 1)).getFirst().status()).isEqualTo(RedemptionStatus.EXPIRED);
        assertThat(fixtures.available(member.id())).isEqualTo(5_000);
        assertThat(fixtures.held(member.id())).isZero();
        assertThatThrownBy(() -> fixtures.as("merchant", () -> redemptions.fulfilMine(first.code())))
                .isInstanceOfSatisfying(RedemptionRefused.class, refused -> assertThat(refused.kind()).isEqualTo(RedemptionRefused.Kind.EXPIRED));
        // The expired ones no longer count against the limit.
        assertThat(fixtures.as(member.username(), () -> redemptions.redeem(id, 2, false, "again")).quantity()).isEqualTo(2);
    }

    @Test
    void aNewPointValueNeedsItsNoticePeriodAndNeverAppliesBeforeIt() {
        PointValue before = policies.currentValue();
        assertThatThrownBy(() -> SystemActor.run(() -> policies.announceValue(new BigDecimal("0.008"), new BigDecimal("0.004"),
                Instant.now().plus(Duration.ofDays(29)))))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("effectiveFrom");
                    assertThat(refused.arguments()).containsExactly(30L);
                });
        assertThatThrownBy(() -> SystemActor.run(() -> policies.announceValue(new BigDecimal("0.004"), new BigDecimal("0.005"),
                Instant.now().plus(Duration.ofDays(40))))).isInstanceOfSatisfying(InvalidInputException.class,
                refused -> assertThat(refused.messageKey()).isEqualTo("catalog.value.floorAboveValue"));
        assertThatThrownBy(() -> fixtures.as("merchant", () -> policies.announceValue(new BigDecimal("0.008"), new BigDecimal("0.004"),
                Instant.now().plus(Duration.ofDays(40))))).isInstanceOf(AccessDeniedException.class);
        assertThat(policies.currentValue()).isEqualTo(before);
    }

    private long cashPayments(long redemptionId) {
        return jdbc.sql("SELECT COUNT(*) FROM catalog_cash_payment WHERE redemption_id = ?").param(redemptionId).query(Long.class).single();
    }
}
