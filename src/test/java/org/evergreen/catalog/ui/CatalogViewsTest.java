package org.evergreen.catalog.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.catalog.MerchantReward;
import org.evergreen.catalog.Redemption;
import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.catalog.Redemptions;
import org.evergreen.catalog.Rewards;
import org.evergreen.earning.EarningPolicies;
import org.evergreen.household.Households;
import org.evergreen.household.LeavingRule;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

/** The catalog through its real views: members browse, filter, redeem and cancel; merchants list and fulfil; admins set the value. */
class CatalogViewsTest extends KaribuTest {

    @Autowired
    Rewards rewards;
    @Autowired
    Redemptions redemptions;
    @Autowired
    CatalogPolicies policies;
    @Autowired
    Households households;
    @Autowired
    EarningPolicies earningPolicies;

    CatalogFixtures fixtures;

    @BeforeEach
    void fixtures() {
        fixtures = new CatalogFixtures(context);
    }

    @Test
    void aMemberFiltersTheCatalogRedeemsAndCancels() {
        fixtures.reward("merchant", "浏览测试绿色水壶", "60", 3_000, 10L, null, true);
        fixtures.reward("merchant", "浏览测试昂贵床品", "400", 40_000, null, null, false);
        TestMember member = fixtures.member(5_000);
        login(member.username());
        navigate("member/rewards");
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withClasses("available-points")).getText())
                .isEqualTo("您有 5,000 积分 可用。");

        setValue(_get(TextField.class, spec -> spec.withClasses("catalog-search")), "浏览测试");
        assertThat(rows()).hasSize(2);
        assertThat(rows()).anyMatch(row -> row.contains("浏览测试昂贵床品") && row.contains("40,000 积分") && row.contains("还差 35,000 积分"));
        assertThat(rows()).anyMatch(row -> row.contains("浏览测试绿色水壶") && row.contains("现在即可兑换") && row.contains("青松便利"));
        setValue(_get(Checkbox.class, spec -> spec.withLabel("只看积分够兑的")), true);
        assertThat(rows()).singleElement().asString().contains("浏览测试绿色水壶");
        setValue(_get(Checkbox.class, spec -> spec.withLabel("只看积分够兑的")), false);
        setValue(_get(Checkbox.class, spec -> spec.withLabel("只看绿色礼品")), true);
        assertThat(rows()).singleElement().asString().contains("浏览测试绿色水壶");

        GridKt._clickItem(grid("catalog-grid"), 0);
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("price-history")).getElement().getTextRecursively())
                .contains("3,000 积分");
        setValue(_get(IntegerField.class, spec -> spec.withLabel("数量")), 1);
        Button redeem = _get(Button.class, spec -> spec.withClasses("redeem"));
        assertThat(redeem.isDisableOnClick()).isTrue();
        _click(redeem);

        assertThat(NavigatorKt.getCurrentPath()).isEqualTo("member/redemptions");
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.mine(0, 1)).getFirst();
        expectNotifications("兑换成功。积分已冻结待核销；请向商户出示兑换码 " + redemption.code() + "。");
        assertThat(fixtures.held(member.id())).isEqualTo(3_000);
        assertThat(fixtures.available(member.id())).isEqualTo(2_000);
        assertThat(rows("redemption-grid")).singleElement().asString()
                .contains(redemption.code(), "3,000 积分", "待核销（积分已冻结）");

        _click((Button) GridKt._getCellComponent(grid("redemption-grid"), 0, "actions").getChildren()
                .filter(child -> child.hasClassName("cancel-redemption")).findFirst().orElseThrow());
        _click(_get(Button.class, spec -> spec.withClasses("confirm-cancel")));
        assertThat(rows("redemption-grid")).singleElement().asString().contains("您已取消");
        assertThat(fixtures.available(member.id())).isEqualTo(5_000);
        assertThat(fixtures.held(member.id())).isZero();
    }

    @Test
    void theRewardDialogCountsWhatIsMissingFromWhoeverPaysAndForTheQuantityChosen() {
        long reward = fixtures.reward("merchant", "池兑换测试", "20", 600, null, null, false);
        TestMember head = fixtures.member(300);
        TestMember other = fixtures.member(1_000);
        SystemActor.run(() -> households.create("池兑换家", LeavingRule.RETURN_OWN_CONTRIBUTIONS, head.id(), List.of(other.id())));
        fixtures.as(other.username(), () -> {
            households.pool(1_000);
            return null;
        });

        login(head.username());
        navigate("member/rewards");
        setValue(_get(TextField.class, spec -> spec.withClasses("catalog-search")), "池兑换测试");
        GridKt._clickItem(grid("catalog-grid"), 0);
        Paragraph affordability = _get(Paragraph.class, spec -> spec.withClasses("affordability"));
        assertThat(affordability.getText()).isEqualTo("还差 300 积分");
        setValue(_get(Checkbox.class, spec -> spec.withClasses("pay-from-pool")), true);
        assertThat(affordability.getText()).isEqualTo("现在即可兑换");
        setValue(_get(IntegerField.class, spec -> spec.withLabel("数量")), 2);
        assertThat(affordability.getText()).isEqualTo("还差 200 积分");
    }

    @Test
    void aMemberPaysWithPointsAndCashWhenTheRewardOffersIt() {
        long reward = fixtures.reward("merchant", "现金方案测试床品", "399", 30_000, null, null, false);
        fixtures.as("merchant", () -> rewards.changePrice(reward, 30_000L, 12_000L, new BigDecimal("250")));
        TestMember member = fixtures.member(12_000);
        login(member.username());
        navigate("member/rewards");
        setValue(_get(TextField.class, spec -> spec.withClasses("catalog-search")), "现金方案测试");
        assertThat(rows()).singleElement().asString().contains("30,000 积分，或 12,000 积分 + ¥250.00");
        GridKt._clickItem(grid("catalog-grid"), 0);
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> payWith = _get(RadioButtonGroup.class, spec -> spec.withLabel("支付方式"));
        setValue(payWith, true);
        _click(_get(Button.class, spec -> spec.withClasses("redeem")));
        assertThat(rows("redemption-grid")).singleElement().asString().contains("12,000 积分 + ¥250.00");
        assertThat(fixtures.available(member.id())).isZero();
    }

    @Test
    void anOwnerListsARewardWithAPictureAndACampaignPriceAfterTheValueGuaranteeRefusedTheFirstPrice() throws Exception {
        login("merchant");
        navigate("merchant/rewards");
        _click(_get(Button.class, spec -> spec.withClasses("new-reward")));
        setValue(_get(TextField.class, spec -> spec.withLabel("类别")), "drinkware");
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（中文）")), "竹纤维保温杯");
        setValue(_get(TextField.class, spec -> spec.withLabel("名称（英文）")), "Bamboo fibre flask");
        setValue(_get(TextArea.class, spec -> spec.withLabel("介绍（中文）")), "可降解竹纤维外壳。");
        setValue(_get(TextArea.class, spec -> spec.withLabel("介绍（英文）")), "Biodegradable bamboo fibre shell.");
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("零售价值（元）")), new BigDecimal("80"));
        setValue(_get(IntegerField.class, spec -> spec.withLabel("积分价")), 20_000);
        setValue(_get(IntegerField.class, spec -> spec.withLabel("库存")), 30);
        long before = rewards.myRewardCount();
        _click(_get(Button.class, spec -> spec.withClasses("publish-reward")));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("积分价")).getErrorMessage())
                .isEqualTo("价值 ¥80 的礼品定价 20,000 积分，相当于每积分 ¥0.004，低于保障底线每积分 ¥0.005。最多可定 16,000 积分。");
        assertThat(rewards.myRewardCount()).isEqualTo(before);

        setValue(_get(IntegerField.class, spec -> spec.withLabel("积分价")), 8_000);
        _click(_get(Button.class, spec -> spec.withClasses("publish-reward")));
        assertThat(rewards.myRewardCount()).isEqualTo(before + 1);
        MerchantReward listed = rewards.myRewards(0, 1).getFirst();
        assertThat(listed.nameZh()).isEqualTo("竹纤维保温杯");
        assertThat(rows("merchant-reward-grid").getFirst()).contains("竹纤维保温杯", "8,000 积分", "剩余 30，已兑 0", "在售");

        _click(rowButton("merchant-reward-grid", 0, "add-picture"));
        assertThat(_get(Upload.class).getI18n().getAddFiles().getOne()).isEqualTo("上传文件…");
        assertThat(_get(Upload.class).getI18n().getDropFiles().getOne()).isEqualTo("将文件拖放到此处");
        UploadKt._upload(_get(Upload.class), "flask.png", "image/png", png(1600, 1200));
        expectNotifications("礼品已上架。", "图片已添加。");
        List<Long> images = rewards.imageIds(listed.id());
        assertThat(images).hasSize(1);
        BufferedImage stored = ImageIO.read(new java.io.ByteArrayInputStream(rewards.image(images.getFirst(), false).orElseThrow()));
        assertThat(stored.getWidth()).isEqualTo(800);
        assertThat(stored.getHeight()).isEqualTo(600);
        _click(rowButton("merchant-reward-grid", 0, "add-picture"));
        UploadKt._upload(_get(Upload.class), "notes.png", "image/png", "not a picture".getBytes());
        expectNotifications("该文件不是 JPEG、PNG 或 GIF 图片。");
        assertThat(rewards.imageIds(listed.id())).hasSize(1);

        _click(rowButton("merchant-reward-grid", 0, "campaign-price"));
        setValue(_get(IntegerField.class, spec -> spec.withLabel("活动积分价")), 9_000);
        _click(_get(Button.class, spec -> spec.withClasses("save-campaign-price")));
        assertThat(_get(IntegerField.class, spec -> spec.withLabel("活动积分价")).getErrorMessage()).isEqualTo("活动价必须低于常规价 8,000 积分。");
        setValue(_get(IntegerField.class, spec -> spec.withLabel("活动积分价")), 6_000);
        _click(_get(Button.class, spec -> spec.withClasses("save-campaign-price")));
        expectNotifications("活动价 6,000 积分 已保存，将在您选择的时段内显示于积分商城。");
        assertThat(rows("merchant-reward-grid").getFirst()).contains("6,000 积分 （原价 8,000 积分）");
    }

    @Test
    void staffFulfilARedemptionByItsCodeAndACashierCannotCancelIt() {
        long reward = fixtures.reward("merchant", "核销视图测试", "30", 1_500, null, null, false);
        TestMember member = fixtures.member(1_500);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "view"));
        login("merchant");
        navigate("merchant/redemptions");
        String masked = redemption.forStaff().code();
        assertThat(masked).isEqualTo("••••••" + redemption.code().substring(6));
        assertThat(rows("merchant-redemption-grid")).anyMatch(row -> row.contains(masked) && row.contains("核销视图测试"))
                .noneMatch(row -> row.contains(redemption.code()));

        setValue(_get(TextField.class, spec -> spec.withClasses("fulfil-code")), "ZZZZZ-ZZZZZ");
        _click(_get(Button.class, spec -> spec.withClasses("fulfil-by-code")));
        assertThat(_get(TextField.class, spec -> spec.withClasses("fulfil-code")).getErrorMessage()).isEqualTo("没有这笔兑换。");

        String typed = redemption.code().substring(0, 5).toLowerCase() + " " + redemption.code().substring(5);
        setValue(_get(TextField.class, spec -> spec.withClasses("fulfil-code")), typed);
        _click(_get(Button.class, spec -> spec.withClasses("fulfil-by-code")));
        expectNotifications("兑换 " + redemption.code() + " 已核销：扣除 1,500 积分。");
        assertThat(fixtures.held(member.id())).isZero();
        assertThat(rows("merchant-redemption-grid")).noneMatch(row -> row.contains(masked));
        assertThat(fixtures.as(member.username(), () -> redemptions.mine(0, 1)).getFirst().status()).isEqualTo(RedemptionStatus.FULFILLED);

        setValue(_get(TextField.class, spec -> spec.withClasses("fulfil-code")), redemption.code());
        _click(_get(Button.class, spec -> spec.withClasses("fulfil-by-code")));
        assertThat(_get(TextField.class, spec -> spec.withClasses("fulfil-code")).getErrorMessage()).isEqualTo("这笔兑换已核销。");
    }

    @Test
    void anOwnerCancelsARedemptionWithAReasonAndTheMemberSeesItWithTheCompensation() {
        SystemActor.run(() -> policies.setCompensationPercent(new BigDecimal("10")));
        long reward = fixtures.reward("merchant", "取消视图测试", "100", 5_000, null, null, false);
        TestMember member = fixtures.member(5_000);
        Redemption redemption = fixtures.as(member.username(), () -> redemptions.redeem(reward, 1, false, "cancel-view"));
        login("merchant");
        navigate("merchant/redemptions");
        int row = rows("merchant-redemption-grid").indexOf(rows("merchant-redemption-grid").stream()
                .filter(text -> text.contains(redemption.forStaff().code())).findFirst().orElseThrow());
        _click(rowButton("merchant-redemption-grid", row, "merchant-cancel"));
        _click(_get(Button.class, spec -> spec.withClasses("confirm-merchant-cancel")));
        assertThat(_get(TextArea.class, spec -> spec.withLabel("原因（会员可见）")).getErrorMessage()).isEqualTo("此项为必填项。");
        setValue(_get(TextArea.class, spec -> spec.withLabel("原因（会员可见）")), "本周缺货");
        _click(_get(Button.class, spec -> spec.withClasses("confirm-merchant-cancel")));
        assertThat(fixtures.available(member.id())).isEqualTo(5_500);
        // The merchant reads its own cancellation as "yours" and a member's as the member's, never the other way round.
        @SuppressWarnings("unchecked")
        Select<RedemptionStatus> status = _get(Select.class, spec -> spec.withLabel("状态"));
        assertThat(status.getItemLabelGenerator().apply(RedemptionStatus.CANCELLED_BY_MEMBER)).isEqualTo("会员已取消");
        setValue(status, RedemptionStatus.CANCELLED_BY_MERCHANT);
        assertThat(rows("merchant-redemption-grid")).anyMatch(text -> text.contains("您已取消：本周缺货（补偿 500 积分）"));

        login(member.username());
        navigate("member/redemptions");
        assertThat(rows("redemption-grid").getFirst()).contains("商户已取消：本周缺货（补偿 500 积分）");
    }

    @Test
    void anAdminAnnouncesANewPointValueAndMembersAreToldBeforeItApplies() {
        login("admin");
        navigate("admin/catalog");
        DatePicker effective = _get(DatePicker.class, spec -> spec.withLabel("生效日期"));
        assertThat(effective.getI18n().getMonthNames()).startsWith("一月", "二月");
        assertThat(effective.getI18n().getToday()).isEqualTo("今天");
        assertThat(effective.getI18n().getCancel()).isEqualTo("取消");
        assertThat(effective.getI18n().getFirstDayOfWeek()).isEqualTo(1);
        LocalDate earliest = effective.getValue();
        assertThat(earliest).isAfter(LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(30));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("新的每积分价值（元）")), new BigDecimal("0.004"));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("新的每积分底线（元）")), new BigDecimal("0.005"));
        _click(_get(Button.class, spec -> spec.withClasses("announce-value")));
        assertThat(_get(BigDecimalField.class, spec -> spec.withLabel("新的每积分底线（元）")).getErrorMessage()).isEqualTo("底线不能高于公布价值。");
        assertThat(policies.upcomingValues()).isEmpty();

        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("新的每积分价值（元）")), new BigDecimal("0.012"));
        setValue(_get(BigDecimalField.class, spec -> spec.withLabel("新的每积分底线（元）")), new BigDecimal("0.004"));
        _click(_get(Button.class, spec -> spec.withClasses("announce-value")));
        assertThat(policies.upcomingValues()).singleElement().satisfies(value -> assertThat(value.yuanPerPoint()).isEqualByComparingTo("0.012"));
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("upcoming-values")).getElement().getTextRecursively())
                .contains("每积分 ¥0.012，底线 ¥0.004");
        // There is one point value: the earning cap converts yuan with the old one until the new one applies.
        Instant applies = policies.upcomingValues().getFirst().effectiveFrom();
        assertThat(earningPolicies.at(applies.minusSeconds(1)).yuanPerPoint()).isEqualByComparingTo("0.01");
        assertThat(earningPolicies.at(applies).yuanPerPoint()).isEqualByComparingTo("0.012");

        login("member");
        navigate("member");
        String notice = "公告：自 " + DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(Locale.SIMPLIFIED_CHINESE)
                .format(earliest) + " 起，每积分公布价值由 ¥0.01 调整为 ¥0.012。";
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("value-notice")).getText()).startsWith(notice);
        navigate("member/rewards");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("value-notice")).getText()).startsWith(notice);
    }

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static Button rowButton(String gridClass, int row, String buttonClass) {
        return (Button) GridKt._getCellComponent(grid(gridClass), row, "actions").getChildren()
                .filter(child -> child.hasClassName(buttonClass)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Grid<Object> grid(String gridClass) {
        return _find(Grid.class, spec -> spec.withClasses(gridClass)).getFirst();
    }

    private static List<String> rows() {
        return rows("catalog-grid");
    }

    private static List<String> rows(String gridClass) {
        Grid<Object> grid = grid(gridClass);
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> String.join("|", GridKt._getFormattedRow(grid, row))).toList();
    }
}
