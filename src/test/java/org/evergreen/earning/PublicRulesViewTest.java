package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import org.evergreen.KaribuTest;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anyone, without signing in, reads every merchant's disclosed rules with their dates and history. */
class PublicRulesViewTest extends KaribuTest {

    @Autowired
    EarningRules rules;

    @Autowired
    MerchantDirectory directory;

    @Test
    void visitorsSeeEveryMerchantsRulesAndTheirHistory() {
        login("admin");
        long stationery = directory.page(0, 10).stream().filter(merchant -> merchant.nameZh().equals("墨香文具")).findFirst().orElseThrow().id();
        rules.disclose(stationery, RuleSet.flatRate(new BigDecimal("1.5")), Instant.now().plus(7, ChronoUnit.DAYS));
        assertThatThrownBy(() -> rules.disclose(stationery, RuleSet.flatRate(BigDecimal.TEN), Instant.now().minus(1, ChronoUnit.DAYS)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.messageKey()).isEqualTo("rules.retroactive"));

        login("member");
        navigate("rules");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(6);
        int inkwell = IntStream.range(0, GridKt._size(grid)).filter(row -> GridKt._getFormattedRow(grid, row).getFirst().equals("墨香文具"))
                .findFirst().orElseThrow();
        assertThat(cell(grid, inkwell, "current")).contains("第 2 版（公开于", "基础费率：每元 1.5 积分。");
        assertThat(cell(grid, inkwell, "history")).contains("第 1 版（公开于");
        assertThat(cell(grid, inkwell, "campaigns")).contains("开学季首购礼：在本商户首次消费额外 100 积分；全部品类；全部等级");
        assertThat(_get(Div.class, spec -> spec.withClasses("platform-rules")).getElement().getTextRecursively())
                .contains("新会员首购礼", "10%", "银卡自 5000 元起");
    }

    private static String cell(Grid<Object> grid, int row, String column) {
        return GridKt._getCellComponent(grid, row, column).getElement().getTextRecursively();
    }

    @Test
    void anonymousVisitorsMayOpenThePage() {
        navigate("rules");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("points-validity")).getText()).startsWith("积分有效期：消费获得的积分长期有效");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(6);
    }

    @Test
    void visitorsReadingEnglishSeeTheRulesInEnglish() {
        UI.getCurrent().getSession().setLocale(Locale.ENGLISH);
        UI.getCurrent().setLocale(Locale.ENGLISH);
        navigate("rules");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        int inkwell = IntStream.range(0, GridKt._size(grid)).filter(row -> GridKt._getFormattedRow(grid, row).getFirst().equals("Inkwell Stationery"))
                .findFirst().orElseThrow();
        assertThat(cell(grid, inkwell, "current")).contains("Version ", "Base rate: ").doesNotContain("版", "基础费率");
        assertThat(_get(Div.class, spec -> spec.withClasses("platform-rules")).getElement().getTextRecursively())
                .contains("New member welcome bonus", "10%").doesNotContain("新会员首购礼");
    }
}
