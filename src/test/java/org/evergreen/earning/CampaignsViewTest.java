package org.evergreen.earning;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.member.Tier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Owners launch campaigns that are public at once and cannot reach into the past; cashiers only read them. */
class CampaignsViewTest extends KaribuTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    Campaigns campaigns;

    @Test
    void anOwnerPreviewsWhatACampaignWouldEarnBeforeLaunchingIt() {
        login("merchant");
        navigate("merchant/campaigns");
        long before = campaigns.mineCount();
        _click(_get(Button.class, spec -> spec.withClasses("new-campaign")));
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), "茶饮预览周");
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Tea preview week");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("倍数")), new BigDecimal("3"));
        setValue(_get(TextField.class, spec -> spec.withLabel("目标品类")), "tea");

        setValue(_get(TextField.class, spec -> spec.withClasses("preview-category")), "tea");
        setValue(_get(BigDecimalField.class, spec -> spec.withClasses("preview-amount")), new BigDecimal("100"));
        _click(_get(Button.class, spec -> spec.withClasses("preview-campaign")));

        // The demo store's rules give 1 point a yuan; three times the base points is 200 more.
        String result = _get(Paragraph.class, spec -> spec.withClasses("campaign-preview-result")).getText();
        Matcher points = Pattern.compile("有此活动得 (\\d+) 积分，没有此活动得 (\\d+) 积分").matcher(result);
        assertThat(points.find()).as(result).isTrue();
        assertThat(Long.parseLong(points.group(1)) - Long.parseLong(points.group(2))).isEqualTo(200);
        assertThat(result).contains("普通会员购买 100 元“茶饮”");
        @SuppressWarnings("unchecked")
        Grid<PurchaseResult.RulePoints> breakdown = _get(Grid.class, spec -> spec.withClasses("campaign-preview-breakdown"));
        assertThat(IntStream.range(0, GridKt._size(breakdown)).mapToObj(row -> GridKt._getFormattedRow(breakdown, row)))
                .anySatisfy(row -> assertThat(row).containsExactly("活动：茶饮预览周", "", "200"));

        setValue(_get(TextField.class, spec -> spec.withClasses("preview-category")), "<b>");
        _click(_get(Button.class, spec -> spec.withClasses("preview-campaign")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("campaign-preview-result")).getText()).startsWith("每行商品需要");
        assertThat(campaigns.mineCount()).isEqualTo(before);
    }

    @Test
    void anOwnerLaunchesACampaignAfterFixingWhatWasRefused() {
        login("merchant");
        navigate("merchant/campaigns");
        assertThat(rows()).anyMatch(row -> row.contains("鲜食双倍积分") && row.contains("进行中"));
        long before = campaigns.mineCount();

        _click(_get(Button.class, spec -> spec.withClasses("new-campaign")));
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Tea week");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("倍数")), new BigDecimal("3"));
        setValue(_get(TextField.class, spec -> spec.withLabel("目标品类")), "tea，Herbal Tea");
        _click(_get(Button.class, spec -> spec.withClasses("launch-campaign")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("名称（中文）")).getErrorMessage()).isEqualTo("此项为必填项。");

        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), "茶饮三倍周");
        setValue(_get(DateTimePicker.class, spec -> spec.withLabel("结束")), LocalDateTime.now(SHANGHAI).minusHours(1));
        _click(_get(Button.class, spec -> spec.withClasses("launch-campaign")));
        assertThat(_get(DateTimePicker.class, spec -> spec.withLabel("结束")).getErrorMessage()).isEqualTo("结束时间须晚于开始时间。");
        assertThat(campaigns.mineCount()).isEqualTo(before);

        setValue(_get(DateTimePicker.class, spec -> spec.withLabel("结束")), LocalDateTime.now(SHANGHAI).plusDays(7));
        @SuppressWarnings("unchecked")
        CheckboxGroup<Tier> tiers = _get(CheckboxGroup.class, spec -> spec.withLabel("目标等级"));
        setValue(tiers, Set.of(Tier.SILVER, Tier.GOLD));
        _click(_get(Button.class, spec -> spec.withClasses("launch-campaign")));

        assertThat(campaigns.mineCount()).isEqualTo(before + 1);
        // Other tests launch campaigns of this merchant too (some starting later, which list first): find it by name.
        Campaign launched = campaigns.mine(0, 100).stream().filter(campaign -> campaign.nameZh().equals("茶饮三倍周")).findFirst().orElseThrow();
        assertThat(launched.categories()).containsExactlyInAnyOrder("tea", "herbal tea");
        assertThat(launched.tiers()).containsExactlyInAnyOrder(Tier.SILVER, Tier.GOLD);
        assertThat(launched.disclosedAt()).isEqualTo(launched.startsAt());
        assertThat(rows()).anyMatch(row -> row.contains("茶饮三倍周：积分 × 3；herbal tea, 茶饮；银卡会员, 金卡会员"));
    }

    @Test
    void campaignsNeverStartBeforeTheyAreDisclosedAndCashiersCannotLaunchThem() {
        login("merchant");
        CampaignDraft backdated = new CampaignDraft(CampaignKind.FIXED_BONUS, "回溯", "Backdated", null, 100L, Set.of(), Set.of(),
                Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> campaigns.launchMine(backdated))
                .isInstanceOfSatisfying(org.evergreen.shared.validation.InvalidInputException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("campaign.retroactive"));
        CampaignDraft signUp = new CampaignDraft(CampaignKind.SIGN_UP, "注册", "Sign-up", null, 100L, Set.of(), Set.of(), null,
                Instant.now().plusSeconds(3600));
        assertThatThrownBy(() -> campaigns.launchMine(signUp))
                .isInstanceOfSatisfying(org.evergreen.shared.validation.InvalidInputException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("campaign.signUpIsPlatform"));

        login("hotel");
        navigate("merchant/campaigns");
        assertThat(rows()).noneMatch(row -> row.contains("鲜食双倍积分"));
    }

    private static java.util.List<String> rows() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = _find(Grid.class, spec -> spec.withClasses("campaign-grid")).getFirst();
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> String.join("|", GridKt._getFormattedRow(grid, row))).toList();
    }
}
