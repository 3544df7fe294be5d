package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.KaribuTest;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A member opens an earn of theirs to its purchase lines and the rules that produced its points; nobody else can. */
class MyPurchaseViewTest extends KaribuTest {

    @Autowired
    Purchases purchases;

    @Autowired
    TillKeys tillKeys;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMemberSeesTheLinesAndRuleOfTheirPurchaseAndOthersSeeNothing() {
        TillPrincipal till = tillKeys.authenticate("eg_demo0001_EvergreenDemoTillKey2026Pine0001").orElseThrow();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(till, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE))));
        String memberNumber = jdbc.sql("""
                        SELECT m.member_number FROM member_member m JOIN security_user u ON u.id = m.user_id
                        WHERE u.username = '13800000022'""").query(String.class).single();
        PurchaseResult result = purchases.record(till, new PurchaseRequest(memberNumber, null, null, "MY-" + System.nanoTime(), Instant.now(),
                "CNY", new BigDecimal("26.00"), List.of(
                new PurchaseRequest.Line("6901", "有机牛奶", "dairy", 2, new BigDecimal("8.00"), true, 120L),
                new PurchaseRequest.Line("6902", "再生纸笔记本", "stationery", 1, new BigDecimal("10.00"), false, null))),
                UUID.randomUUID().toString());

        login("13800000022");
        navigate("member/purchases/" + result.purchaseId());
        assertThat(_get(H2.class).getText()).isEqualTo("青松便利");
        @SuppressWarnings("unchecked")
        Grid<PurchaseRequest.Line> lines = _get(Grid.class, spec -> spec.withClasses("purchase-lines"));
        assertThat(GridKt._size(lines)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(lines, 0)).contains("有机牛奶", "2", "¥8.00", "是", "240 克");
        // The demo merchant's rules: 1 point per yuan, and 1 point more per yuan of green products.
        @SuppressWarnings("unchecked")
        Grid<PurchaseResult.RulePoints> rules = _get(Grid.class, spec -> spec.withClasses("purchase-rules"));
        assertThat(GridKt._size(rules)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(rules, 0)).containsExactly("基础费率", "第 1 版", "26");
        assertThat(GridKt._getFormattedRow(rules, 1)).containsExactly("绿色商品奖励", "第 1 版", "16");
        assertThat(result.pointsEarned()).isEqualTo(42);

        login("13800000023");
        navigate("member/purchases/" + result.purchaseId());
        assertThat(_get(Paragraph.class).getText()).isEqualTo("您的消费记录中没有这一笔。");
    }
}
