package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.green.GreenMerchants;
import org.evergreen.member.Tiers;
import org.evergreen.portal.AccessDeniedView;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.evergreen.shared.validation.InvalidInputException;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Admins set tier thresholds, the cap on bonuses and the sign-up bonus; bad values change nothing; nobody else may. */
class EarningPolicyViewTest extends KaribuTest {

    @Autowired
    Tiers tiers;

    @Autowired
    EarningPolicies policies;

    @Autowired
    CatalogPolicies catalogPolicies;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EarningRules earningRules;

    @Test
    void anAdminSetsThresholdsAndTheCapAndLaunchesASignUpBonus() {
        login("admin");
        navigate("admin/earning");
        long thresholdRows = count("member_tier_threshold");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("金卡门槛（12 个月消费，元）")), new BigDecimal("4000"));
        _click(_get(Button.class, spec -> spec.withClasses("save-tiers")));
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("金卡门槛（12 个月消费，元）")).getErrorMessage())
                .isEqualTo("金卡所需消费必须高于银卡。");
        assertThat(count("member_tier_threshold")).isEqualTo(thresholdRows);

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("金卡门槛（12 个月消费，元）")), new BigDecimal("20000.00"));
        _click(_get(Button.class, spec -> spec.withClasses("save-tiers")));
        assertThat(count("member_tier_threshold")).isEqualTo(thresholdRows + 1);
        assertThat(tiers.thresholds().goldSpend()).isEqualByComparingTo("20000");
        assertThat(tiers.thresholds().setAt()).isNotNull();

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("奖励上限（占消费金额 %）")), new BigDecimal("150"));
        _click(_get(Button.class, spec -> spec.withClasses("save-policy")));
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("奖励上限（占消费金额 %）")).getErrorMessage())
                .isEqualTo("比例须在 0 到 100% 之间，最多两位小数。");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("奖励上限（占消费金额 %）")), new BigDecimal("10"));
        _click(_get(Button.class, spec -> spec.withClasses("save-policy")));
        assertThat(policies.current().effectiveFrom()).isNotNull();
        assertThat(policies.current().bonusCapPercent()).isEqualByComparingTo("10");
        // One point value: the catalog's published one, only read here, and the same on the public rules.
        assertThat(_find(BigDecimalField.class, spec -> spec.withLabel("积分价值（元）"))).isEmpty();
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("policy-point-value")).getText())
                .isEqualTo("每积分价值 ¥0.01：即平台公布的积分价值，奖励上限按此将金额折算为积分。");
        assertThat(policies.current().yuanPerPoint()).isEqualByComparingTo(catalogPolicies.currentValue().yuanPerPoint());

        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), "冬季新会员礼");
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Winter welcome");
        _click(_get(Button.class, spec -> spec.withClasses("launch-sign-up")));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("奖励积分")).getErrorMessage()).isEqualTo("奖励积分须在 1 到 100,000 之间。");
        setValue(_get(IntegerField.class, spec -> spec.withLabel("奖励积分")), 88);
        _click(_get(Button.class, spec -> spec.withClasses("launch-sign-up")));
        @SuppressWarnings("unchecked")
        Grid<Object> platform = _get(Grid.class, spec -> spec.withClasses("platform-campaign-grid"));
        assertThat(IntStream.range(0, GridKt._size(platform)).mapToObj(row -> GridKt._getFormattedRow(platform, row).getFirst()))
                .anyMatch(row -> row.startsWith("冬季新会员礼：本期间注册的会员首次消费额外 88 积分"));
    }

    @Test
    void nobodyButAnAdminChangesThem() {
        login("merchant");
        navigate("admin/earning");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        assertThatThrownBy(() -> tiers.setThresholds(BigDecimal.ONE, BigDecimal.TEN)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.set(new BigDecimal("100"))).isInstanceOf(AccessDeniedException.class);
        login("regulator");
        assertThatThrownBy(() -> tiers.recordQualifyingSpend(1, new BigDecimal("99999"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminLimitsTheGreenBonusAndNewRuleVersionsStayWithinIt() {
        long merchant = new GreenMerchants(context).newMerchant().id();
        RuleSet generous = new RuleSet(BigDecimal.ONE, List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE, List.of(), new BigDecimal("3"));
        RuleSet withinLimit = new RuleSet(BigDecimal.ONE, List.of(), List.of(), BigDecimal.ONE, BigDecimal.ONE, List.of(), new BigDecimal("2"));
        try {
            login("admin");
            navigate("admin/earning");
            BigDecimalField limit = _get(BigDecimalField.class, spec -> spec.withClasses("green-limit"));
            assertThat(limit.getValue()).isEqualByComparingTo("5");
            setValue(limit, new BigDecimal("150"));
            _click(_get(Button.class, spec -> spec.withClasses("save-green-limit")));
            assertThat(limit.getErrorMessage()).isEqualTo("请输入 0 至 100 的每元积分，最多两位小数。");
            assertThat(policies.greenBonusLimit()).isEqualByComparingTo("5");
            setValue(limit, new BigDecimal("2"));
            _click(_get(Button.class, spec -> spec.withClasses("save-green-limit")));
            assertThat(policies.greenBonusLimit()).isEqualByComparingTo("2");

            long versionsBefore = jdbc.sql("SELECT COUNT(*) FROM earning_rule_set WHERE merchant_id = ?").param(merchant).query(Long.class).single();
            assertThatThrownBy(() -> earningRules.disclose(merchant, generous, null)).isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                assertThat(refused.field()).isEqualTo("greenPointsPerYuan");
                assertThat(refused.messageKey()).isEqualTo("rules.green.aboveLimit");
                assertThat(refused.arguments()).containsExactly("2");
            });
            assertThat(jdbc.sql("SELECT COUNT(*) FROM earning_rule_set WHERE merchant_id = ?").param(merchant).query(Long.class).single())
                    .isEqualTo(versionsBefore);
            earningRules.disclose(merchant, withinLimit, null);

            navigate("rules");
            assertThat(_get(com.vaadin.flow.component.html.Div.class, spec -> spec.withClasses("platform-rules")).getElement().getTextRecursively())
                    .contains("商户的绿色商品奖励最多为每元 2 积分");
            login("merchant");
            assertThatThrownBy(() -> policies.setGreenBonusLimit(BigDecimal.TEN)).isInstanceOf(AccessDeniedException.class);
        } finally {
            login("admin");
            policies.setGreenBonusLimit(new BigDecimal("5"));
        }
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
