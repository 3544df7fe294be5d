package org.evergreen.ledger;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.HasText;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import org.evergreen.KaribuTest;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The member's points page and the integrity report, through the real views on the demo data. */
class LedgerViewsTest extends KaribuTest {

    @Test
    void theDemoMemberSeesAvailableHeldAndExpiringPointsAndEveryMovementWithItsReason() {
        login("member");
        navigate("member/points");

        assertThat(fact("points-available")).isEqualTo("2,980");
        assertThat(fact("points-held")).isEqualTo("800");
        assertThat(fact("points-frozen")).isEqualTo("0");
        assertThat(fact("points-expiring")).isEqualTo("500");

        @SuppressWarnings("unchecked")
        Grid<HistoryItem> history = _get(Grid.class);
        assertThat(GridKt._size(history)).isEqualTo(8);
        HistoryItem newest = GridKt._get(history, 0);
        assertThat(newest.kind()).isEqualTo(EntryKind.EARN);
        assertThat(newest.amount()).isEqualTo(500);
        assertThat(GridKt._getFormattedRow(history, 0)).contains("获得", "+500", "钱包");
        assertThat(((HasText) GridKt._getCellComponent(history, 0, "why")).getText()).isEqualTo("消费 · purchase:demo-3");

        @SuppressWarnings("unchecked")
        Select<EntryKind> kind = _get(Select.class, spec -> spec.withLabel("类型"));
        setValue(kind, EntryKind.CAPTURE);
        assertThat(GridKt._size(history)).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(history, 0)).contains("兑换完成", "-1,000", "兑换冻结");
        // The demo member's voucher, fulfilled at the demo store: the movement opens the member's redemptions.
        Anchor redemption = (Anchor) GridKt._getCellComponent(history, 0, "why");
        assertThat(redemption.getText()).matches("兑换 · redemption:\\d+");
        assertThat(redemption.getHref()).isEqualTo("member/redemptions");
    }

    @Test
    void aMemberSeesOnlyTheirOwnMovements() {
        login("13800000033");
        navigate("member/points");
        @SuppressWarnings("unchecked")
        Grid<HistoryItem> history = _get(Grid.class);
        assertThat(IntStream.range(0, GridKt._size(history)).mapToObj(row -> GridKt._get(history, row).reference()))
                .doesNotContain("purchase:demo-1", "purchase:demo-2", "purchase:demo-3");
        assertThat(fact("points-available")).isEqualTo("900");
    }

    @Test
    void anAdminRunsTheIntegrityChecksAndSeesACleanResult() throws InterruptedException {
        login("admin");
        navigate("admin/integrity");
        _click(_get(Button.class, spec -> spec.withText("立即检查")));
        assertThat(_get(Button.class, spec -> spec.withText("立即检查")).isEnabled()).isFalse();

        for (int wait = 0; wait < 300 && !_get(Button.class, spec -> spec.withText("立即检查")).isEnabled(); wait++) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        assertThat(fact("integrity-clean")).isEqualTo("全部验证通过");
    }

    @Test
    void regulatorsSeeTheLastRunToo() {
        login("regulator");
        navigate("regulator/integrity");
        assertThat(_get(Button.class, spec -> spec.withText("立即检查")).isEnabled()).isTrue();
    }

    private static String fact(String className) {
        return _get(Fact.class, spec -> spec.withClasses(className)).value();
    }
}
