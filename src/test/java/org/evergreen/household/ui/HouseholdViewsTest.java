package org.evergreen.household.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.household.HouseholdOverview;
import org.evergreen.household.Households;
import org.evergreen.household.Invitation;
import org.evergreen.household.LeavingRule;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.Purchases;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** Households through their real views: found, invite, join or decline, pool, sweep, give, leave and dissolve. */
class HouseholdViewsTest extends KaribuTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    Households households;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Purchases purchases;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void aMemberFoundsAHouseholdAndInvitesOneMemberWhoJoinsAndAnotherWhoDeclines() {
        TestMember head = fixtures.member(0);
        login(head.username());
        navigate("member/household");
        setValue(_get(TextField.class, spec -> spec.withLabel("家庭名称")), "陈家");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<LeavingRule> rule = _get(RadioButtonGroup.class, spec -> spec.withLabel("成员退出时"));
        setValue(rule, LeavingRule.RETURN_OWN_CONTRIBUTIONS);
        _click(_get(Button.class, spec -> spec.withClasses("create-household")));
        expectNotifications("请先同意积分池条款。");
        setValue(_get(Checkbox.class, spec -> spec.withClasses("pooling-consent")), true);
        _click(_get(Button.class, spec -> spec.withClasses("create-household")));
        assertThat(_get(H2.class).getText()).isEqualTo("陈家");

        _click(_get(Button.class, spec -> spec.withClasses("invite")));
        String code = _get(Fact.class, spec -> spec.withClasses("invitation-code")).value();
        assertThat(code).hasSize(12);

        TestMember joiner = fixtures.member(0);
        login(joiner.username());
        navigate("member/household");
        setValue(_get(TextField.class, spec -> spec.withClasses("join-code")), code.toLowerCase());
        _click(_get(Button.class, spec -> spec.withClasses("join-household")));
        assertThat(NavigatorKt.getCurrentPath()).startsWith("member/household/join");
        assertThat(_get(H2.class).getText()).isEqualTo("邀请您加入陈家");
        _click(_get(Button.class, spec -> spec.withClasses("accept-invitation")));
        expectNotifications("请先同意积分池条款。");
        setValue(_get(Checkbox.class, spec -> spec.withClasses("pooling-consent")), true);
        _click(_get(Button.class, spec -> spec.withClasses("accept-invitation")));
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("member/household");
        assertThat(memberNames()).containsExactly("测试会员（户主）", "测试会员");

        Invitation second = fixtures.as(head.username(), () -> households.invite());
        TestMember decliner = fixtures.member(0);
        login(decliner.username());
        navigate("member/household/join?code=" + second.code());
        _click(_get(Button.class, spec -> spec.withClasses("decline-invitation")));
        assertThat(fixtures.as(decliner.username(), () -> households.myHousehold())).isEmpty();
        navigate("member/household/join?code=" + second.code());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("invitation-closed")).getText()).isEqualTo("该邀请已被答复。");

        Invitation late = fixtures.as(head.username(), () -> households.invite());
        jdbc.sql("UPDATE household_invitation SET expires_at = ? WHERE code = ?")
                .params(LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), late.code()).update();
        navigate("member/household/join?code=" + late.code());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("invitation-closed")).getText()).isEqualTo("该邀请已过期，请向户主索取新的邀请。");
        assertThat(_find(Button.class, spec -> spec.withClasses("accept-invitation"))).isEmpty();

        login(head.username());
        navigate("member/household");
        assertThat(activity()).anyMatch(row -> row.contains("加入了家庭")).anyMatch(row -> row.contains("谢绝了邀请"));
    }

    @Test
    void membersPoolOnceAndBySweepAndGiveWithinTheLimits() {
        List<TestMember> family = family(LeavingRule.LEAVE_IN_POOL, 3_000, 0);
        login(family.get(0).username());
        navigate("member/household");
        setValue(_get(IntegerField.class, spec -> spec.withClasses("pool-points")), 5_000);
        _click(_get(Button.class, spec -> spec.withClasses("pool-once")));
        assertThat(_get(IntegerField.class, spec -> spec.withClasses("pool-points")).getErrorMessage()).isEqualTo("可用积分不足。");
        setValue(_get(IntegerField.class, spec -> spec.withClasses("pool-points")), 1_000);
        _click(_get(Button.class, spec -> spec.withClasses("pool-once")));
        assertThat(_get(Fact.class, spec -> spec.withClasses("pool-available")).value()).isEqualTo("1,000");
        assertThat(GridKt._getFormattedRow(members(), 0)).contains("1,000");

        setValue(_get(IntegerField.class, spec -> spec.withClasses("sweep-percent")), 30);
        _click(_get(Button.class, spec -> spec.withClasses("save-sweep")));
        assertThat(households.myHousehold().orElseThrow().mySweepPercent()).isEqualTo(30);
        // A purchase at a till: 30 % of its points go into the pool at once.
        long earned = purchase(family.get(0));
        navigate("member/household");
        assertThat(_get(Fact.class, spec -> spec.withClasses("pool-available")).value())
                .isEqualTo(String.format(java.util.Locale.ROOT, "%,d", 1_000 + earned * 30 / 100));
        assertThat(activity()).anyMatch(row -> row.contains("自动转入积分池"));

        @SuppressWarnings("unchecked")
        Select<HouseholdOverview.Member> recipient = _get(Select.class, spec -> spec.withClasses("gift-recipient"));
        setValue(recipient, households.myHousehold().orElseThrow().members().get(1));
        setValue(_get(IntegerField.class, spec -> spec.withClasses("gift-points")), 1_500);
        _click(_get(Button.class, spec -> spec.withClasses("give-gift")));
        assertThat(fixtures.available(family.get(1).id())).isEqualTo(1_500);
        @SuppressWarnings("unchecked")
        Select<HouseholdOverview.Member> again = _get(Select.class, spec -> spec.withClasses("gift-recipient"));
        setValue(again, households.myHousehold().orElseThrow().members().get(1));
        setValue(_get(IntegerField.class, spec -> spec.withClasses("gift-points")), 600);
        _click(_get(Button.class, spec -> spec.withClasses("give-gift")));
        assertThat(_get(IntegerField.class, spec -> spec.withClasses("gift-points")).getErrorMessage())
                .isEqualTo("每天最多赠送 2,000 积分；今天还可赠送 500。");
        assertThat(fixtures.available(family.get(0).id())).isEqualTo(500 + earned - earned * 30 / 100);
        assertThat(activity()).anyMatch(row -> row.contains("赠送") && row.contains("1,500 积分"))
                .anyMatch(row -> row.contains("转入积分池 1,000 积分"));
    }

    @Test
    void aMemberLeavesWithTheirContributionAndTheLastOneDissolves() {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 0, 800);
        fixtures.as(family.get(1).username(), () -> households.pool(800));
        login(family.get(1).username());
        navigate("member/household");
        _click(_get(Button.class, spec -> spec.withClasses("leave-household")));
        assertThat(_get(Paragraph.class, spec -> spec.withText("退出后，退还其未使用的贡献积分。")).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withClasses("confirm-leave")));
        assertThat(_get(Paragraph.class, spec -> spec.withText("您尚未加入任何家庭。"))).isNotNull();
        assertThat(fixtures.available(family.get(1).id())).isEqualTo(800);

        login(family.get(0).username());
        navigate("member/household");
        assertThat(_get(Button.class, spec -> spec.withClasses("leave-household")).getText()).isEqualTo("解散家庭");
        _click(_get(Button.class, spec -> spec.withClasses("leave-household")));
        _click(_get(Button.class, spec -> spec.withClasses("confirm-leave")));
        assertThat(households.myHousehold()).isEmpty();
    }

    @Test
    void leavingAHouseholdThatKeepsContributionsLeavesThemInThePool() {
        List<TestMember> family = family(LeavingRule.LEAVE_IN_POOL, 0, 800);
        fixtures.as(family.get(1).username(), () -> households.pool(800));
        login(family.get(1).username());
        navigate("member/household");
        _click(_get(Button.class, spec -> spec.withClasses("leave-household")));
        assertThat(_get(Paragraph.class, spec -> spec.withText("退出后，其贡献积分留在家庭积分池。")).isVisible()).isTrue();
        _click(_get(Button.class, spec -> spec.withClasses("confirm-leave")));
        assertThat(fixtures.available(family.get(1).id())).isZero();
        assertThat(fixtures.as(family.get(0).username(), () -> households.myHousehold()).orElseThrow().poolAvailable()).isEqualTo(800);
    }

    @Test
    void theHeadAuthorisesARedeemerWhoThenRedeemsWithThePoolInTheCatalog() {
        List<TestMember> family = family(LeavingRule.RETURN_OWN_CONTRIBUTIONS, 5_000, 0);
        fixtures.as(family.get(0).username(), () -> households.pool(5_000));
        fixtures.reward("merchant", "家庭视图礼品", "50", 1_000, null, null, false);
        login(family.get(1).username());
        navigate("member/rewards");
        GridKt._clickItem(catalog(), 0);
        assertThat(_find(Checkbox.class, spec -> spec.withClasses("pay-from-pool"))).isEmpty();
        _get(Dialog.class).close();

        login(family.get(0).username());
        navigate("member/household");
        _click((Button) GridKt._getCellComponent(members(), 1, "actions").getChildren()
                .filter(child -> child.hasClassName("grant-redeem")).findFirst().orElseThrow());
        assertThat(GridKt._getFormattedRow(members(), 1)).contains("是");

        login(family.get(1).username());
        navigate("member/rewards");
        setValue(_get(TextField.class, spec -> spec.withClasses("catalog-search")), "家庭视图礼品");
        GridKt._clickItem(catalog(), 0);
        setValue(_get(Checkbox.class, spec -> spec.withClasses("pay-from-pool")), true);
        _click(_get(Button.class, spec -> spec.withClasses("redeem")));
        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("member/redemptions");
        @SuppressWarnings("unchecked")
        Grid<Object> redemptions = _get(Grid.class, spec -> spec.withClasses("redemption-grid"));
        assertThat(GridKt._getFormattedRow(redemptions, 0)).contains("1,000 积分（家庭积分池）");
        HouseholdOverview household = fixtures.as(family.get(0).username(), () -> households.myHousehold()).orElseThrow();
        assertThat(household.poolAvailable()).isEqualTo(4_000);
        assertThat(household.poolHeld()).isEqualTo(1_000);
        assertThat(fixtures.available(family.get(1).id())).isZero();
    }

    @Test
    void anAdminSetsTheGiftLimits() {
        login("admin");
        navigate("admin/households");
        setValue(_get(IntegerField.class, spec -> spec.withLabel("每日赠送限额（积分）")), 3_000);
        setValue(_get(IntegerField.class, spec -> spec.withLabel("每月赠送限额（积分）")), 1_000);
        _click(_get(Button.class, spec -> spec.withClasses("save-gift-limits")));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("每月赠送限额（积分）")).getErrorMessage()).isEqualTo("每月限额不能低于每日限额。");
        assertThat(households.giftLimits().daily()).isNotEqualTo(3_000);
    }

    /** A purchase at the demo store's till for this member; the points it earned. */
    private long purchase(TestMember member) {
        PurchaseRequest purchase = new PurchaseRequest(fixtures.memberNumber(member.id()), null, null, "HV-" + System.nanoTime(), Instant.now(),
                "CNY", new BigDecimal("100.00"), List.of(new PurchaseRequest.Line("T-1", "毛巾", "home", 1, new BigDecimal("100.00"), false, null)));
        return fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()).pointsEarned());
    }

    private List<TestMember> family(LeavingRule rule, long... points) {
        List<TestMember> family = IntStream.range(0, points.length).mapToObj(i -> fixtures.member(points[i])).toList();
        fixtures.as(family.getFirst().username(), () -> households.createMine("视图之家", rule, true));
        for (TestMember member : family.subList(1, family.size())) {
            Invitation invitation = fixtures.as(family.getFirst().username(), () -> households.invite());
            fixtures.as(member.username(), () -> households.accept(invitation.code(), true));
        }
        return family;
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> members() {
        return _get(Grid.class, spec -> spec.withClasses("household-members"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> catalog() {
        return _get(Grid.class, spec -> spec.withClasses("catalog-grid"));
    }

    private static List<String> memberNames() {
        Grid<Object> grid = members();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row).getFirst()).toList();
    }

    private static List<String> activity() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withClasses("household-activity"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> String.join("|", GridKt._getFormattedRow(grid, row))).toList();
    }
}
