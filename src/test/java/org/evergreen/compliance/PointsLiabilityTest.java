package org.evergreen.compliance;

import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The points the coalition owes, at the published value, and the cash of points + cash redemptions, apart. */
class PointsLiabilityTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    PointsLiability liability;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theLiabilityIsEveryMembersPointsAtThePublishedValueAndTheCashStandsApart() {
        login("regulator");
        PointsLiability.Report before = liability.now();
        new CatalogFixtures(context).member(1_234);
        PointsLiability.Report after = liability.now();

        assertThat(after.outstandingPoints() - before.outstandingPoints()).isEqualTo(1_234);
        assertThat(after.outstandingPoints()).isEqualTo(jdbc.sql("""
                        SELECT COALESCE(SUM(balance), 0) FROM ledger_account
                        WHERE type IN ('MEMBER_WALLET', 'MEMBER_HELD', 'MEMBER_FROZEN', 'HOUSEHOLD_POOL', 'HOUSEHOLD_HELD')""")
                .query(Long.class).single());
        assertThat(after.liability()).isEqualByComparingTo(after.yuanPerPoint().multiply(BigDecimal.valueOf(after.outstandingPoints())));
        assertThat(after.cashReceived()).isEqualByComparingTo(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM catalog_cash_payment")
                .query(BigDecimal.class).single());

        navigate("regulator/liability");
        PointsLiability.Report shown = liability.now();
        assertThat(_get(Fact.class, spec -> spec.withClasses("liability-points")).value()).isEqualTo("%,d".formatted(shown.outstandingPoints()));
        assertThat(_get(Fact.class, spec -> spec.withClasses("liability-cash")).value()).isEqualTo("¥%,.2f".formatted(shown.cashReceived()));

        login("member");
        assertThatThrownBy(() -> liability.now()).isInstanceOf(AccessDeniedException.class);
    }
}
