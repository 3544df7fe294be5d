package org.evergreen.green;

import org.evergreen.EvergreenTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The nightly check recomputes every member-month from the purchase records and names the aggregates that differ, with
 * both figures: here a month someone changed and a month whose event was never counted.
 */
@EvergreenTest
class GreenReconciliationTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    GreenReconciliation reconciliation;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aggregatesThatDifferFromThePurchasesAreReportedWithBothFigures() throws Exception {
        GreenPurchases green = new GreenPurchases(context);
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long member = green.newMember();
        PurchaseResult purchase = green.buyBulbsAndTea(member);
        GreenPurchases.await(() -> green.hasMonth(member));
        green.refundOneBulb(purchase.purchaseId());
        GreenPurchases.await(() -> green.spend(member).compareTo(new BigDecimal("41.00")) == 0);
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));

        ReconciliationReport clean = fixtures.as("admin", () -> reconciliation.check());
        assertThat(clean.compared()).isPositive();
        assertThat(clean.differences()).noneMatch(difference -> difference.memberId() == member);

        jdbc.sql("UPDATE green_member_month SET spend = spend + 1.00, co2e_grams = co2e_grams + 5 WHERE member_id = ?").param(member).update();
        long unseen = green.newMember();
        green.buyBulbsAndTea(unseen);
        GreenPurchases.await(() -> green.hasMonth(unseen));
        jdbc.sql("DELETE FROM green_member_month WHERE member_id = ?").param(unseen).update();

        ReconciliationReport report = fixtures.as("admin", () -> reconciliation.check());
        assertThat(report.mismatches()).isGreaterThanOrEqualTo(clean.mismatches() + 2);
        assertThat(report.differences()).contains(
                new ReconciliationReport.Difference(member, month, List.of(new ReconciliationReport.Field("spend", "42.00", "41.00"),
                        new ReconciliationReport.Field("co2eGrams", "17684", "17679"))),
                new ReconciliationReport.Difference(unseen, month, List.of(new ReconciliationReport.Field("purchases", "0", "1"),
                        new ReconciliationReport.Field("spend", "0.00", "71.00"), new ReconciliationReport.Field("greenSpend", "0.00", "60.00"),
                        new ReconciliationReport.Field("co2eGrams", "0", "35358"))));
        assertThat(fixtures.as("admin", () -> reconciliation.last()).orElseThrow().differences()).isEqualTo(report.differences());

        String memberName = green.newMemberWithLogin().username();
        assertThatThrownBy(() -> fixtures.as(memberName, () -> reconciliation.check())).isInstanceOf(AccessDeniedException.class);
    }
}
