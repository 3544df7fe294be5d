package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import org.evergreen.KaribuTest;
import org.evergreen.green.GreenPurchases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Disclosed against actual: every purchase's points recomputed from its lines and rule version; a forged one is named. */
class ConformanceTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    Conformance conformance;

    @Autowired
    JdbcClient jdbc;

    @Test
    void purchasesRecordedByTheRulesConformAndAPurchaseWithPointsNoRuleGivesIsNamed() {
        Instant start = Instant.now().minus(1, ChronoUnit.SECONDS);
        GreenPurchases purchases = new GreenPurchases(context);
        long member = purchases.newMember();
        // A first purchase (the welcome bonus, capped), a green one and a second at the same store.
        purchases.buyBulbsAndTea(member);
        purchases.buy(member, new PurchaseRequest.Line("F-1", "有机蔬菜", "fresh", 2, new BigDecimal("9.90"), false, null));
        long merchant = jdbc.sql("SELECT merchant_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();

        login("regulator");
        Conformance.Report clean = conformance.check(merchant, start, Instant.now().plusSeconds(1));
        assertThat(clean.checked()).isGreaterThanOrEqualTo(2);
        assertThat(clean.findings()).isEmpty();

        // A purchase written past the rules: ¥10 of stationery cannot earn 9,999 points at the demo store.
        long store = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        int version = jdbc.sql("SELECT MAX(version) FROM earning_rule_set WHERE merchant_id = ? AND effective_from <= UTC_TIMESTAMP(6)")
                .param(merchant).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, platform_points, rule_version, tier, created_at)
                        VALUES (?, ?, ?, ?, ?, 'forged', UTC_TIMESTAMP(6), 10.00, 'CNY', 9999, 0, ?, 'ORDINARY', UTC_TIMESTAMP(6))""")
                .params(merchant, store, member, "FORGED-" + System.nanoTime(), "forged-" + System.nanoTime(), version).update();
        long forged = jdbc.sql("SELECT MAX(id) FROM earning_purchase WHERE request_hash = 'forged'").query(Long.class).single();
        jdbc.sql("INSERT INTO earning_purchase_line (purchase_id, sku, name, category, quantity, unit_price, green) VALUES (?, 'N-1', '笔记本', 'stationery', 1, 10.00, FALSE)")
                .param(forged).update();

        Conformance.Report report = conformance.check(merchant, start, Instant.now().plusSeconds(1));
        assertThat(report.findings()).singleElement().satisfies(finding -> {
            assertThat(finding.purchaseId()).isEqualTo(forged);
            assertThat(finding.recorded()).isEqualTo(9_999);
            assertThat(finding.recomputed()).isEqualTo(10);
        });
        assertThat(report.mismatchesByMerchant()).containsEntry(merchant, 1L);

        // The regulator's page runs the same check for this month and lists the forged purchase.
        navigate("regulator/conformance");
        _click(_get(Button.class, spec -> spec.withClasses("conformance-check")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("conformance-summary")).getText()).matches("已重算 [\\d,]+ 笔消费，其中 [1-9]\\d* 笔与发放的积分不符。");
        @SuppressWarnings("unchecked")
        Grid<Conformance.Finding> grid = _get(Grid.class, spec -> spec.withClasses("conformance-grid"));
        assertThat(IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row).purchaseId())).contains(forged);

        login("merchant");
        assertThatThrownBy(() -> conformance.check(merchant, start, Instant.now())).isInstanceOf(AccessDeniedException.class);
    }
}
