package org.evergreen.earning;

import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Nobody changes a purchase's record or the rules it was earned under after the fact, not even with SQL: the database
 * refuses every UPDATE and DELETE of purchases, their lines and rule points, their refunds (but the one filling in of a
 * refund's ledger entry), rule sets, campaigns and the platform's cap.
 */
class EarningRecordsAreInsertOnlyTest extends KaribuTest {

    @Autowired
    Purchases purchases;

    @Autowired
    Refunds refunds;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void purchasesAndTheRulesTheyWereEarnedUnderCannotBeChangedOrDeleted() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long memberId = jdbc.sql("SELECT id FROM security_user WHERE username = '13800000030'").query(Long.class).single();
        PurchaseRequest purchase = new PurchaseRequest(fixtures.memberNumber(memberId), null, null, "RO-" + System.nanoTime(), Instant.now(),
                "CNY", new BigDecimal("12.00"), List.of(new PurchaseRequest.Line("RO-1", "铅笔", "stationery", 4, new BigDecimal("3.00"), false, null)));
        long purchaseId = fixtures.asDemoTill(till -> purchases.record(till, purchase, UUID.randomUUID().toString()).purchaseId());
        long points = jdbc.sql("SELECT points FROM earning_purchase WHERE id = ?").param(purchaseId).query(Long.class).single();
        long refundId = fixtures.asDemoTill(till -> refunds.refund(till, purchaseId,
                new RefundRequest(false, List.of(new RefundRequest.Line("RO-1", 1))), UUID.randomUUID().toString()).refundId());
        long ruleSetId = jdbc.sql("SELECT MIN(id) FROM earning_rule_set").query(Long.class).single();
        long campaignId = jdbc.sql("SELECT MIN(id) FROM earning_campaign").query(Long.class).single();
        // The demo data sets no cap of its own (the defaults apply); a row that takes effect in 2999 changes nothing today.
        jdbc.sql("INSERT INTO earning_policy (bonus_cap_percent, yuan_per_point, effective_from, set_by)"
                + " VALUES (10, 0.01, '2999-01-01', 'insert-only test')").update();
        long policyId = jdbc.sql("SELECT MAX(id) FROM earning_policy").query(Long.class).single();

        for (String change : List.of(
                "UPDATE earning_purchase SET points = points + 100 WHERE id = " + purchaseId,
                "DELETE FROM earning_purchase WHERE id = " + purchaseId,
                "UPDATE earning_purchase_line SET quantity = 40 WHERE purchase_id = " + purchaseId,
                "DELETE FROM earning_purchase_line WHERE purchase_id = " + purchaseId,
                "UPDATE earning_purchase_rule SET points = points * 10 WHERE purchase_id = " + purchaseId,
                "DELETE FROM earning_purchase_rule WHERE purchase_id = " + purchaseId,
                "UPDATE earning_refund SET points = points * 10 WHERE id = " + refundId,
                "UPDATE earning_refund SET ledger_entry_id = ledger_entry_id + 1 WHERE id = " + refundId,
                "DELETE FROM earning_refund WHERE id = " + refundId,
                "UPDATE earning_refund_line SET quantity = 4 WHERE refund_id = " + refundId,
                "DELETE FROM earning_refund_line WHERE refund_id = " + refundId,
                "UPDATE earning_rule_set SET effective_from = effective_from - INTERVAL 1 DAY WHERE id = " + ruleSetId,
                "DELETE FROM earning_rule_set WHERE id = " + ruleSetId,
                "UPDATE earning_campaign SET starts_at = starts_at - INTERVAL 1 DAY WHERE id = " + campaignId,
                "DELETE FROM earning_campaign WHERE id = " + campaignId,
                "UPDATE earning_policy SET effective_from = effective_from - INTERVAL 1 DAY WHERE id = " + policyId,
                "DELETE FROM earning_policy WHERE id = " + policyId)) {
            assertThatThrownBy(() -> jdbc.sql(change).update()).as(change).isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("insert-only");
        }
        assertThat(jdbc.sql("SELECT points FROM earning_purchase WHERE id = ?").param(purchaseId).query(Long.class).single()).isEqualTo(points);
        assertThat(jdbc.sql("SELECT quantity FROM earning_purchase_line WHERE purchase_id = ?").param(purchaseId).query(Integer.class).single())
                .isEqualTo(4);
    }
}
