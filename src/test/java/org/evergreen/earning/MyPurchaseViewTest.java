package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.ActivityLine;
import org.evergreen.ledger.ActivityRows;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member opens an earn of theirs to its purchase lines and the rules that produced its points; nobody else can. A refund
 * in their points history opens the purchase it took points back from.
 */
class MyPurchaseViewTest extends KaribuTest {

    @Autowired
    Purchases purchases;

    @Autowired
    ApplicationContext context;

    @Autowired
    Refunds refunds;

    @Autowired
    Ledger ledger;

    @Autowired
    JdbcClient jdbc;

    private CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void theMemberSeesTheLinesAndRuleOfTheirPurchaseAndOthersSeeNothing() {
        PurchaseRequest purchase = new PurchaseRequest(memberNumberOf("13800000022"), null, null, "MY-" + System.nanoTime(), Instant.now(),
                "CNY", new BigDecimal("26.00"), List.of(
                new PurchaseRequest.Line("6901", "洗衣液补充装", "refill", 2, new BigDecimal("8.00"), false, null),
                new PurchaseRequest.Line("6902", "再生纸笔记本", "stationery", 1, new BigDecimal("10.00"), false, null)));
        PurchaseResult result = fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()));

        login("13800000022");
        navigate("member/purchases/" + result.purchaseId());
        assertThat(_get(H2.class).getText()).isEqualTo("青松便利");
        @SuppressWarnings("unchecked")
        Grid<PurchaseRequest.Line> lines = _get(Grid.class, spec -> spec.withClasses("purchase-lines"));
        assertThat(GridKt._size(lines)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(lines, 0)).contains("洗衣液补充装", "2", "¥8.00", "补充装与散装", "220 克");
        // The demo merchant's rules: 1 point per yuan, and 1 point more per yuan of green products.
        @SuppressWarnings("unchecked")
        Grid<PurchaseResult.RulePoints> rules = _get(Grid.class, spec -> spec.withClasses("purchase-rules"));
        assertThat(GridKt._size(rules)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(rules, 0)).containsExactly("基础费率", "第 1 版", "26");
        assertThat(GridKt._getFormattedRow(rules, 1)).containsExactly("绿色商品奖励", "第 1 版", "16");
        assertThat(result.pointsEarned()).isEqualTo(42);

        // In the member's activity the purchase is one line in words, its green points apart, opening this page.
        navigate("member/points");
        Grid<ActivityLine> activity = ActivityRows.grid();
        assertThat(ActivityRows.row(activity, 0)).containsExactly("青松便利 · 购物 ¥26.00", "含绿色积分 16", "+42");
        assertThat(_get(ActivityRows.line(activity, 0), Anchor.class).getHref()).isEqualTo("member/purchases/" + result.purchaseId());

        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("member/purchases/" + result.purchaseId());
        @SuppressWarnings("unchecked")
        Grid<PurchaseResult.RulePoints> rulesInEnglish = _get(Grid.class, spec -> spec.withClasses("purchase-rules"));
        assertThat(GridKt._getFormattedRow(rulesInEnglish, 0)).containsExactly("Base rate", "Version 1", "26");
        assertThat(GridKt._getFormattedRow(rulesInEnglish, 1)).containsExactly("Green products bonus", "Version 1", "16");
        navigate("member/points");
        assertThat(ActivityRows.row(ActivityRows.grid(), 0))
                .containsExactly("Evergreen Pine Convenience · purchase ¥26.00", "incl. 16 green points", "+42");
        UI.getCurrent().getSession().setLocale(Locale.SIMPLIFIED_CHINESE);
        UI.getCurrent().setLocale(Locale.SIMPLIFIED_CHINESE);

        // Having bought at the demo store, the member's home shows the campaign running there, and the way to every rule.
        navigate("member");
        Div campaigns = _get(Div.class, spec -> spec.withClasses("home-campaigns"));
        assertThat(_find(campaigns, Paragraph.class, spec -> spec.withClasses("home-campaign"))).extracting(Paragraph::getText)
                .anyMatch(line -> line.startsWith("青松便利 · 鲜食双倍积分"));
        assertThat(_get(campaigns, Anchor.class).getHref()).isEqualTo("rules");

        login("13800000023");
        navigate("member/purchases/" + result.purchaseId());
        assertThat(_get(Paragraph.class).getText()).isEqualTo("您的消费记录中没有这一笔。");
    }

    @Test
    void aRefundOfPointsAlreadySpentShowsTheDebtAndOpensThePurchaseItTookBack() {
        long memberId = jdbc.sql("SELECT id FROM security_user WHERE username = '13800000029'").query(Long.class).single();
        PurchaseRequest purchase = new PurchaseRequest(fixtures.memberNumber(memberId), null, null, "DEBT-" + System.nanoTime(),
                Instant.now(), "CNY", new BigDecimal("300.00"), List.of(
                new PurchaseRequest.Line("BED-1", "竹纤维被", "bedding", 1, new BigDecimal("300.00"), false, null)));
        PurchaseResult bought = fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()));
        // The member spends everything they have, the new points included.
        long account = SystemActor.call(() -> ledger.account(AccountType.MEMBER_WALLET, memberId));
        long spendable = SystemActor.call(() -> ledger.balance(account));
        SystemActor.run(() -> ledger.post(new EntryRequest(EntryKind.REDEEM, "catalog", UUID.randomUUID().toString(), "test", "redemption",
                null, null, List.of(new Posting(account, -spendable), new Posting(ledger.account(AccountType.MERCHANT_REDEMPTION, 1), spendable)),
                null)));
        RefundResult refunded = fixtures.asDemoTill(till -> refunds.refund(till, bought.purchaseId(), new RefundRequest(true, List.of()),
                UUID.randomUUID().toString()));
        assertThat(refunded.availablePoints()).isEqualTo(-300);

        login("13800000029");
        navigate("member/points");
        assertThat(_get(Fact.class, spec -> spec.withClasses("points-available")).value()).isEqualTo("-300");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("points-debt")).getText())
                .isEqualTo("您尚欠 300 积分：一笔退货收回了您已用掉的积分。之后获得的积分将先用于偿还。");
        Grid<ActivityLine> activity = ActivityRows.grid();
        assertThat(GridKt._get(activity, 0).item().kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(ActivityRows.row(activity, 0)).containsExactly("退款 · 青松便利", "-300");
        assertThat(_get(ActivityRows.line(activity, 0), Anchor.class).getHref()).isEqualTo("member/purchases/" + bought.purchaseId());
    }

    @Test
    void aPartialRefundInThePointsHistoryOpensThePurchaseItTookPointsBackFrom() {
        PurchaseRequest purchase = new PurchaseRequest(memberNumberOf("13800000028"), null, null, "PART-" + System.nanoTime(),
                Instant.now(), "CNY", new BigDecimal("30.00"), List.of(
                new PurchaseRequest.Line("PEN-1", "钢笔", "stationery", 1, new BigDecimal("20.00"), false, null),
                new PurchaseRequest.Line("INK-1", "墨水", "stationery", 1, new BigDecimal("10.00"), false, null)));
        PurchaseResult bought = fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()));
        fixtures.asDemoTill(till -> refunds.refund(till, bought.purchaseId(), new RefundRequest(false, List.of(new RefundRequest.Line("INK-1", 1))),
                UUID.randomUUID().toString()));

        login("13800000028");
        navigate("member/points");
        Grid<ActivityLine> activity = ActivityRows.grid();
        assertThat(GridKt._get(activity, 0).item().kind()).isEqualTo(EntryKind.REVERSAL);
        assertThat(ActivityRows.row(activity, 0)).containsExactly("退款 · 青松便利", "-10");
        assertThat(_get(ActivityRows.line(activity, 0), Anchor.class).getHref()).isEqualTo("member/purchases/" + bought.purchaseId());
        // The purchase it opens tells of the refund: what came back and the points that went with it.
        navigate("member/purchases/" + bought.purchaseId());
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("purchase-refunds")).getElement().getTextRecursively())
                .endsWith("：退回 ¥10.00（墨水 ×1），收回 10 积分");
        assertThat(_find(Paragraph.class, spec -> spec.withClasses("points-debt"))).isEmpty();
    }

    private String memberNumberOf(String username) {
        return jdbc.sql("""
                        SELECT m.member_number FROM member_member m JOIN security_user u ON u.id = m.user_id
                        WHERE u.username = ?""").param(username).query(String.class).single();
    }
}
