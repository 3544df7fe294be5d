package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.grid.Grid;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.Rewards;
import org.evergreen.earning.EarningPolicies;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.security.ActionLog;
import org.evergreen.security.LoggedAction;
import org.evergreen.security.Role;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admins' and merchant owners' changes land in the insert-only action log, in their own transaction; regulators read it. */
class ActionLogTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    ActionLog log;

    @Autowired
    Rewards rewards;

    @Autowired
    EarningPolicies policies;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOwnersPriceChangeAndAnAdminsCapAreLoggedWithWhoDidThemAndARefusalIsNot() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        long reward = fixtures.reward("merchant", "日志测试水杯", "30", 2_000, null, null, false);
        long merchantId = jdbc.sql("SELECT merchant_id FROM catalog_reward WHERE id = ?").param(reward).query(Long.class).single();
        fixtures.as("merchant", () -> rewards.changePrice(reward, 1_800L, null, null));
        long before = newestId();
        assertThatThrownBy(() -> fixtures.as("merchant", () -> rewards.changePrice(reward, -5L, null, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(newestId()).isEqualTo(before);

        login("admin");
        policies.set(new BigDecimal("10"));
        login("regulator");
        LoggedAction cap = log.page(null, 1).getFirst();
        assertThat(cap.action()).isEqualTo("policy.bonusCap");
        assertThat(cap.actorName()).isEqualTo("admin");
        assertThat(cap.actorRole()).isEqualTo(Role.ADMIN);
        assertThat(cap.detail()).isEqualTo("10%");
        LoggedAction price = log.page(cap.id(), 10).stream().filter(action -> action.subject().equals("reward:" + reward)
                && action.action().equals("reward.price")).findFirst().orElseThrow();
        assertThat(price.actorName()).isEqualTo("merchant");
        assertThat(price.merchantId()).isEqualTo(merchantId);
        assertThat(price.detail()).isEqualTo("1800 points");

        navigate("regulator/action-log");
        @SuppressWarnings("unchecked")
        Grid<LoggedAction> grid = _get(Grid.class, spec -> spec.withClasses("action-log-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("设置奖励上限", "admin (平台管理员)", "platform", "10%");
    }

    @Test
    void theLogIsInsertOnlyAndOnlyAdminsAndRegulatorsReadIt() {
        login("admin");
        policies.set(new BigDecimal("10"));
        long newest = newestId();
        assertThatThrownBy(() -> jdbc.sql("UPDATE security_action_log SET detail = 'x' WHERE id = ?").param(newest).update())
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM security_action_log WHERE id = ?").param(newest).update())
                .isInstanceOf(DataAccessException.class);

        login("member");
        assertThatThrownBy(() -> log.page(null, 10)).isInstanceOf(AccessDeniedException.class);
        navigate("regulator/action-log");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
    }

    private long newestId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM security_action_log").query(Long.class).single();
    }
}
