package org.evergreen.earning;

import org.evergreen.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** The nightly review lowers a tier once the purchases that earned it leave the rolling 12-month window. */
class TierReviewTest extends KaribuTest {

    @Autowired
    TierReview review;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGoldMemberWhosePurchasesAreAYearOldFallsBackToOrdinary() {
        long memberId = jdbc.sql("SELECT id FROM security_user WHERE username = '13800000032'").query(Long.class).single();
        long store = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        // A year ago the member spent 30,000 yuan and became gold: the purchase and the tier as they were stored then.
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, platform_points, rule_version, tier, created_at)
                        SELECT merchant_id, id, ?, 'YEAR-OLD-1', 'year-old-1', 'test', UTC_TIMESTAMP(6) - INTERVAL 366 DAY,
                               30000.00, 'CNY', 30000, 0, 1, 'ORDINARY', UTC_TIMESTAMP(6) - INTERVAL 366 DAY
                        FROM merchant_store WHERE id = ?""").params(memberId, store).update();
        jdbc.sql("UPDATE member_member SET tier = 'GOLD', qualifying_spend = 30000.00 WHERE user_id = ?").param(memberId).update();

        review.reviewAgeingPurchases();

        assertThat(jdbc.sql("SELECT tier FROM member_member WHERE user_id = ?").param(memberId).query(String.class).single())
                .isEqualTo("ORDINARY");
        // What is left is the spend of the last 12 months: the demo purchase, not the year-old 30,000.
        BigDecimal recent = jdbc.sql("""
                        SELECT COALESCE(SUM(total), 0) FROM earning_purchase
                        WHERE member_id = ? AND purchased_at > UTC_TIMESTAMP(6) - INTERVAL 365 DAY""")
                .param(memberId).query(BigDecimal.class).single();
        assertThat(recent).isLessThan(new BigDecimal("5000"));
        assertThat(jdbc.sql("SELECT qualifying_spend FROM member_member WHERE user_id = ?").param(memberId).query(BigDecimal.class).single())
                .isEqualByComparingTo(recent);
    }
}
