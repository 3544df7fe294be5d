package org.evergreen.member;

import org.evergreen.EvergreenTest;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Each node keeps the tier thresholds it read for a moment; a change still reaches every purchase promptly. */
@EvergreenTest
class TiersTest {

    @Autowired
    Tiers tiers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeMadeOnThisNodeAppliesAtOnceAndOneMadeElsewhereWithinTheKeepingTime() throws InterruptedException {
        TierThresholds before = tiers.thresholds();
        try {
            SystemActor.run(() -> tiers.setThresholds(new BigDecimal("4321"), new BigDecimal("54321")));
            assertThat(tiers.thresholds().silverSpend()).isEqualByComparingTo("4321");

            // Another node's change is a row this node did not write.
            jdbc.sql("""
                    INSERT INTO member_tier_threshold (silver_spend, gold_spend, set_at, set_by)
                    VALUES (4444, 55555, NOW(6), 'another-node')""").update();
            long deadline = System.nanoTime() + Tiers.THRESHOLDS_KEPT_FOR.plus(Duration.ofSeconds(2)).toNanos();
            while (tiers.thresholds().silverSpend().compareTo(new BigDecimal("4444")) != 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(tiers.thresholds().silverSpend()).isEqualByComparingTo("4444");
            assertThat(tiers.thresholds().goldSpend()).isEqualByComparingTo("55555");
        } finally {
            SystemActor.run(() -> tiers.setThresholds(before.silverSpend(), before.goldSpend()));
        }
    }
}
