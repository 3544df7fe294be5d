package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.member.Tier;
import org.evergreen.merchant.MerchantDirectory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The merchant's rules editor: validation next to the field, a live preview of a basket, disclosure of a new version. */
class EarningRulesViewTest extends KaribuTest {

    @Autowired
    EarningRules rules;

    @Autowired
    MerchantDirectory directory;

    @Autowired
    Campaigns campaigns;

    @Test
    void thePreviewShowsWhichRulesFireAsTheDraftAndTheBasketChange() {
        login("merchant");
        navigate("merchant/rules");
        assertThat(_get(Div.class, spec -> spec.withClasses("current-rules")).getElement().getTextRecursively())
                .contains("基础费率：每元 1 积分。", "品类“生鲜”：每元 2 积分。", "同时购买“零食”和“饮料”：额外 10 积分。");
        assertThat(total()).isEqualTo("向购物篮添加商品即可查看积分。");

        addToBasket("fresh", 1, "10.00");
        // fresh food: 2 points per yuan, and ×2 by the running campaign 鲜食双倍积分.
        assertThat(preview()).containsExactly(List.of("品类费率：生鲜", "草稿", "20"), List.of("活动：鲜食双倍积分", "", "20"));
        assertThat(total()).isEqualTo("此购物篮可获得 40 积分。");

        setValue(_get(Select.class, spec -> spec.withLabel("会员等级")), Tier.GOLD);
        assertThat(preview()).contains(List.of("等级奖励：金卡会员", "草稿", "10"));

        setValue(_get(TextField.class, spec -> spec.withClasses("rule-category")), "fresh");
        setValue(_get(BigDecimalField.class, spec -> spec.withClasses("rule-rate")), new BigDecimal("3"));
        _click(_get(Button.class, spec -> spec.withClasses("add-category-rate")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("rule-list-error")).getText()).isEqualTo("品类“fresh”已有费率：每个品类只能设一个费率。");
        assertThat(total()).isEqualTo("请先修正规则，再查看积分。");
        _click((Button) GridKt._getCellComponent(categoryGrid(), 1, "remove"));
        assertThat(preview()).contains(List.of("品类费率：生鲜", "草稿", "20"));

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("基础费率（每元积分）")), new BigDecimal("150"));
        BigDecimalField base = _get(BigDecimalField.class, spec -> spec.withLabel("基础费率（每元积分）"));
        assertThat(base.isInvalid()).isTrue();
        assertThat(base.getErrorMessage()).isEqualTo("请设置 0 到 100 之间的每元积分，最多两位小数。");
        int versions = rules.myVersions().size();
        _click(_get(Button.class, spec -> spec.withClasses("disclose-rules")));
        assertThat(rules.myVersions()).hasSize(versions);
    }

    @Test
    void aDraftForLaterIsSimulatedWithTheCampaignsRunningWhenItTakesEffect() {
        login("merchant");
        Instant inTenDays = Instant.now().plus(10, ChronoUnit.DAYS);
        campaigns.launchMine(new CampaignDraft(CampaignKind.MULTIPLIER, "未来双倍", "Future double", new BigDecimal("2"), null,
                Set.of("simfuture"), Set.of(), inTenDays, inTenDays.plus(5, ChronoUnit.DAYS)));
        navigate("merchant/rules");
        addToBasket("simfuture", 1, "10.00");
        assertThat(total()).isEqualTo("此购物篮可获得 10 积分。");

        setValue(_get(DateTimePicker.class, spec -> spec.withLabel("生效时间")), LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(11));
        assertThat(preview()).contains(List.of("活动：未来双倍", "", "10"));
        assertThat(total()).isEqualTo("此购物篮可获得 20 积分。");
    }

    @Test
    void anOwnerDisclosesANewVersionForLaterAndThePublicPageShowsIt() {
        login("merchant");
        navigate("merchant/rules");
        int versions = rules.myVersions().size();
        setValue(_get(TextField.class, spec -> spec.withClasses("rule-category")), "Tea");
        setValue(_get(BigDecimalField.class, spec -> spec.withClasses("rule-rate")), new BigDecimal("4"));
        _click(_get(Button.class, spec -> spec.withClasses("add-category-rate")));
        setValue(_get(DateTimePicker.class, spec -> spec.withLabel("生效时间")), LocalDateTime.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        _click(_get(Button.class, spec -> spec.withClasses("disclose-rules")));

        List<RuleSetVersion> after = rules.myVersions();
        assertThat(after).hasSize(versions + 1);
        assertThat(after.getFirst().rules().categoryRateOf("tea")).isEqualByComparingTo("4");
        assertThat(after.getFirst().effectiveFrom()).isAfter(java.time.Instant.now().plusSeconds(29 * 24 * 3600));
        @SuppressWarnings("unchecked")
        Grid<RuleSetVersion> history = _get(Grid.class, spec -> spec.withClasses("rule-history"));
        assertThat(GridKt._size(history)).isEqualTo(versions + 1);
        assertThat(String.join("|", GridKt._getFormattedRow(history, 0))).contains("品类“茶饮”：每元 4 积分。");

        navigate("rules");
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class);
        int pine = IntStream.range(0, GridKt._size(grid)).filter(row -> GridKt._getFormattedRow(grid, row).getFirst().equals("青松便利"))
                .findFirst().orElseThrow();
        assertThat(GridKt._getCellComponent(grid, pine, "current").getElement().getTextRecursively()).contains("品类“茶饮”：每元 4 积分。");
    }

    @Test
    void aCashierReadsTheRulesButCannotChangeThem() {
        login("merchant");
        directory.addCashier("pine.reader", "只读收银员", "pine-2026-reader");
        login("pine.reader", "pine-2026-reader");
        navigate("merchant/rules");
        assertThat(_find(Div.class, spec -> spec.withClasses("rules-editor"))).isEmpty();
        assertThat(_get(Div.class, spec -> spec.withClasses("current-rules")).getElement().getTextRecursively()).contains("基础费率：每元 1 积分。");
        assertThatThrownBy(() -> rules.discloseMine(RuleSet.flatRate(BigDecimal.TEN), null)).isInstanceOf(AccessDeniedException.class);
    }

    private static void addToBasket(String category, int quantity, String price) {
        setValue(_get(TextField.class, spec -> spec.withClasses("basket-category")), category);
        setValue(_get(IntegerField.class, spec -> spec.withClasses("basket-quantity")), quantity);
        setValue(_get(BigDecimalField.class, spec -> spec.withClasses("basket-price")), new BigDecimal(price));
        _click(_get(Button.class, spec -> spec.withClasses("add-basket-line")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> categoryGrid() {
        return _get(Grid.class, spec -> spec.withClasses("category-rate-grid"));
    }

    private static List<List<String>> preview() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _get(Grid.class, spec -> spec.withClasses("simulation-grid"));
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._getFormattedRow(grid, row)).toList();
    }

    private static String total() {
        return _get(Paragraph.class, spec -> spec.withClasses("simulation-total")).getText();
    }
}
