package org.evergreen.ledger;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
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
    void theDemoMemberSeesAvailableHeldAndExpiringPointsAndOneLineInWordsPerThingThatHappened() {
        login("member");
        navigate("member/points");

        assertThat(fact("points-available")).isEqualTo("2,980");
        assertThat(fact("points-held")).isEqualTo("800");
        assertThat(fact("points-frozen")).isEqualTo("0");
        assertThat(fact("points-expiring")).isEqualTo("500");
        // The date filters speak the reader's language, Vaadin's own texts included.
        DatePicker from = _get(DatePicker.class, spec -> spec.withLabel("开始日期"));
        assertThat(from.getI18n().getWeekdaysShort()).startsWith("周日", "周一");
        assertThat(from.getI18n().getToday()).isEqualTo("今天");

        // Three earns and two redemptions: each hold is one line (not −800 wallet, +800 held), the fulfilment none.
        Grid<ActivityLine> activity = ActivityRows.grid();
        assertThat(GridKt._size(activity)).isEqualTo(5);
        assertThat(IntStream.range(0, 5).mapToObj(row -> GridKt._get(activity, row).item().points()))
                .containsExactly(500L, -1_000L, -800L, 3_000L, 1_280L);
        assertThat(ActivityRows.row(activity, 0)).containsExactly("推广活动", "+500");
        assertThat(ActivityRows.row(activity, 1)).containsExactly("兑换 · 青松便利 10 元代金券", "已领取", "-1,000");
        assertThat(ActivityRows.row(activity, 2)).containsExactly("兑换 · 环保随行杯", "积分冻结中，待领取", "-800");
        // The demo purchases were recorded as tills record them: each line names the merchant and the amount.
        assertThat(ActivityRows.row(activity, 3)).containsExactly("绿野酒店集团 · 购物 ¥2,064.00", "+3,000");
        assertThat(ActivityRows.row(activity, 4)).containsExactly("青松便利 · 购物 ¥640.00", "含绿色积分 40", "+1,280");
        // A redemption's line opens the member's redemptions (the catalog's page).
        Anchor redemption = _get(ActivityRows.line(activity, 2), Anchor.class, spec -> spec.withClasses("activity-title"));
        assertThat(redemption.getHref()).isEqualTo("member/redemptions");
    }

    @Test
    void aMemberSeesOnlyTheirOwnMovements() {
        login("13800000033");
        navigate("member/points");
        Grid<ActivityLine> activity = ActivityRows.grid();
        // Their one demo purchase, and nothing of the demo member's (whose lines name the demo store and the hotel).
        assertThat(IntStream.range(0, GridKt._size(activity)).mapToObj(row -> ActivityRows.row(activity, row).getFirst()))
                .noneMatch(title -> title.startsWith("绿野酒店集团") || title.startsWith("兑换"))
                .anyMatch(title -> title.contains("购物 ¥900.00"));
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
    void aRegulatorChecksTheJournalAgainstAHeadPublishedEarlier() throws InterruptedException {
        login("regulator");
        navigate("regulator/integrity");
        setValue(_get(IntegerField.class, spec -> spec.withClasses("published-seal")), 1);
        setValue(_get(TextField.class, spec -> spec.withClasses("published-hash")), "f".repeat(64));
        _click(_get(Button.class, spec -> spec.withText("立即检查")));
        for (int wait = 0; wait < 300 && !_get(Button.class, spec -> spec.withText("立即检查")).isEnabled(); wait++) {
            Thread.sleep(100);
            MockVaadin.runUIQueue();
        }
        @SuppressWarnings("unchecked")
        Grid<IntegrityReport.Violation> violations = _get(Grid.class, spec -> spec.withClasses("violations"));
        assertThat(GridKt._getFormattedRow(violations, GridKt._size(violations) - 1)).contains("已公布的封印头", "1");
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
