package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.grid.Grid;
import org.evergreen.KaribuTest;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anyone, without signing in, reads every merchant's disclosed rules with their dates and history. */
class PublicRulesViewTest extends KaribuTest {

    @Autowired
    BaseRules rules;

    @Autowired
    MerchantDirectory directory;

    @Test
    void visitorsSeeEveryMerchantsRulesAndTheirHistory() {
        login("admin");
        long stationery = directory.page(0, 10).stream().filter(merchant -> merchant.nameZh().equals("墨香文具")).findFirst().orElseThrow().id();
        rules.disclose(stationery, new BigDecimal("1.5"), Instant.now().plus(7, ChronoUnit.DAYS));
        assertThatThrownBy(() -> rules.disclose(stationery, BigDecimal.TEN, Instant.now().minus(1, ChronoUnit.DAYS)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> assertThat(refused.messageKey()).isEqualTo("rules.retroactive"));

        login("member");
        navigate("rules");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(6);
        String inkwell = IntStream.range(0, GridKt._size(grid)).mapToObj(row -> String.join("|", GridKt._getFormattedRow(grid, row)))
                .filter(row -> row.startsWith("墨香文具")).findFirst().orElseThrow();
        assertThat(inkwell).contains("第 2 版：每元 1.5 积分").contains("第 1 版：每元 1 积分");
    }

    @Test
    void anonymousVisitorsMayOpenThePage() {
        navigate("rules");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        assertThat(GridKt._size(grid)).isGreaterThanOrEqualTo(6);
    }
}
