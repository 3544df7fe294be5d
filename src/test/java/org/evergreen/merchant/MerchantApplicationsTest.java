package org.evergreen.merchant;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.evergreen.KaribuTest;
import org.evergreen.security.EvergreenUser;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A business applies on the public page, follows its application, and an admin approves or rejects it. */
class MerchantApplicationsTest extends KaribuTest {

    private static final AtomicInteger SERIAL = new AtomicInteger(500);

    @Autowired
    MerchantApplications applications;

    @Autowired
    MerchantDirectory directory;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBusinessAppliesFollowsItAndIsApprovedWithItsStoresAndFirstLogin() {
        String code = freshCreditCode();
        String trackingCode = applyThroughThePage("春风洗衣", code, "13600001111");
        assertThat(trackingCode).matches("[A-Z2-9]{10}");

        assertThat(statusOf(trackingCode, "13600001111")).isEqualTo("等待审核");
        String typedInGroups = (trackingCode.substring(0, 5) + "-" + trackingCode.substring(5)).toLowerCase(java.util.Locale.ROOT);
        assertThat(statusOf(typedInGroups, "13600001111")).isEqualTo("等待审核");
        assertThat(statusOf(trackingCode, "13600002222")).isNull();

        login("admin");
        navigate("admin/applications");
        @SuppressWarnings("unchecked")
        Grid<MerchantApplication> grid = _get(Grid.class);
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).unifiedCreditCode().equals(code))
                .findFirst().orElseThrow();
        GridKt._selectRow(grid, row);
        _click(_get(Button.class, spec -> spec.withText("通过")));
        setValue(_get(TextField.class, spec -> spec.withLabel("登录名")), "laundry.owner");
        setValue(_get(PasswordField.class, spec -> spec.withLabel("初始密码")), "spring-2026-wash");
        _click(_find(Button.class, spec -> spec.withText("通过")).getLast());
        // The reviewer is told what to pass on, and to whom.
        expectNotifications("申请已通过：已创建商户、门店及登录账号 laundry.owner。请致电 王经理（13600001111）告知初始密码；申请人在进度查询页可看到登录名。");

        EvergreenUser owner = (EvergreenUser) login("laundry.owner", "spring-2026-wash").getPrincipal();
        assertThat(directory.myMerchant().nameZh()).isEqualTo("春风洗衣");
        assertThat(directory.myStores()).extracting(StoreSummary::nameZh).containsExactly("春风洗衣人民路店", "春风洗衣东湖店");
        assertThat(owner.merchantId()).isNotNull();
        navigate("join/status");
        assertThat(statusOf(trackingCode, "13600001111")).isEqualTo("已通过");
        // The applicant learns the login name and where to sign in; never the password.
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("application-sign-in")).getText())
                .isEqualTo("您的商户后台已开通。请使用登录名 laundry.owner 及审核人员电话告知的初始密码登录。");
        assertThat(_get(Anchor.class, spec -> spec.withText("登录商户后台")).getHref()).isEqualTo("login");
    }

    @Test
    void aRejectionCarriesItsReasonToTheApplicant() {
        String trackingCode = applyThroughThePage("秋月茶馆", freshCreditCode(), "13600003333");
        long id = jdbc.sql("SELECT id FROM merchant_application WHERE tracking_code = ?").param(trackingCode).query(Long.class).single();

        login("admin");
        navigate("admin/applications");
        @SuppressWarnings("unchecked")
        Grid<MerchantApplication> grid = _get(Grid.class);
        int row = IntStream.range(0, GridKt._size(grid)).filter(i -> GridKt._get(grid, i).id() == id).findFirst().orElseThrow();
        GridKt._selectRow(grid, row);
        _click(_get(Button.class, spec -> spec.withText("驳回")));
        _click(_find(Button.class, spec -> spec.withText("驳回")).getLast());
        assertThat(_get(TextArea.class).getErrorMessage()).isEqualTo("此项为必填项。");
        setValue(_get(TextArea.class), "营业执照照片不清晰，请重新提交。");
        _click(_find(Button.class, spec -> spec.withText("驳回")).getLast());

        navigate("join/status");
        assertThat(statusOf(trackingCode, "13600003333")).isEqualTo("未通过");
        assertThat(_get(Fact.class, spec -> spec.withClasses("decision-reason")).value()).isEqualTo("营业执照照片不清晰，请重新提交。");
    }

    @Test
    void badApplicationsAreRefusedNextToTheirFieldAndStoreNothing() {
        long before = jdbc.sql("SELECT COUNT(*) FROM merchant_application").query(Long.class).single();
        navigate("join");
        fillCompany("坏代码公司", "91310000MA1000000X", "13600004444");
        setValue(_get(TextField.class, spec -> spec.withLabel("门店名称")), "总店");
        setValue(_get(TextField.class, spec -> spec.withLabel("城市")), "上海");
        setValue(_get(TextField.class, spec -> spec.withLabel("地址")), "某路 2 号");
        _click(_get(Button.class, spec -> spec.withText("提交申请")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("统一社会信用代码")).getErrorMessage())
                .isEqualTo("这不是有效的 18 位统一社会信用代码。");

        // A business that already takes part cannot apply again.
        setValue(_get(TextField.class, spec -> spec.withLabel("统一社会信用代码")), existingMerchantCode());
        _click(_get(Button.class, spec -> spec.withText("提交申请")));
        assertThat(_get(TextField.class, spec -> spec.withLabel("统一社会信用代码")).getErrorMessage())
                .isEqualTo("该企业已加入或已有待审核的申请。");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void anApplicationThatDoesNotAcceptTheCoalitionTermsIsRefused() {
        long before = jdbc.sql("SELECT COUNT(*) FROM merchant_application").query(Long.class).single();
        assertThatThrownBy(() -> applications.submit(new MerchantApplicationForm("秋叶茶社", null, MerchantCategory.OTHER, freshCreditCode(),
                "叶主", "13600006666", "y@example.org", List.of(new MerchantApplicationForm.Store("一号店", "杭州", "某路 1 号")), false)))
                .isInstanceOfSatisfying(InvalidInputException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("acceptedTerms");
                    assertThat(refused.messageKey()).isEqualTo("application.terms.required");
                });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM merchant_application").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyAdminsDecide() {
        String code = freshCreditCode();
        String trackingCode = applications.submit(new MerchantApplicationForm("冬雪文创", null, MerchantCategory.STATIONERY, code,
                "雪主", "13600005555", "x@example.org", List.of(new MerchantApplicationForm.Store("一号店", "北京", "某路 1 号")), true));
        long id = jdbc.sql("SELECT id FROM merchant_application WHERE tracking_code = ?").param(trackingCode).query(Long.class).single();
        login("merchant");
        assertThatThrownBy(() -> applications.approve(id, "snow.owner", "雪主", "snow-2026-pass")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> applications.reject(id, "no")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> applications.page(null, 0, 10)).isInstanceOf(AccessDeniedException.class);
    }

    private String applyThroughThePage(String name, String code, String phone) {
        navigate("join");
        fillCompany(name, code, phone);
        List<TextField> storeNames = _find(TextField.class, spec -> spec.withLabel("门店名称"));
        setValue(storeNames.getFirst(), name + "人民路店");
        setValue(_find(TextField.class, spec -> spec.withLabel("城市")).getFirst(), "武汉");
        setValue(_find(TextField.class, spec -> spec.withLabel("地址")).getFirst(), "江汉区人民路 8 号");
        _click(_get(Button.class, spec -> spec.withText("再添加一家门店")));
        setValue(_find(TextField.class, spec -> spec.withLabel("门店名称")).getLast(), name + "东湖店");
        setValue(_find(TextField.class, spec -> spec.withLabel("城市")).getLast(), "武汉");
        setValue(_find(TextField.class, spec -> spec.withLabel("地址")).getLast(), "武昌区东湖路 18 号");
        _click(_get(Button.class, spec -> spec.withText("提交申请")));
        return _get(Fact.class, spec -> spec.withClasses("tracking-code")).value();
    }

    private static void fillCompany(String name, String code, String phone) {
        setValue(_get(TextField.class, spec -> spec.withLabel("企业名称（中文）")), name);
        @SuppressWarnings("unchecked")
        Select<MerchantCategory> category = _get(Select.class, spec -> spec.withLabel("类别"));
        setValue(category, MerchantCategory.OTHER);
        setValue(_get(TextField.class, spec -> spec.withLabel("统一社会信用代码")), code);
        setValue(_get(TextField.class, spec -> spec.withLabel("联系人")), "王经理");
        setValue(_get(TextField.class, spec -> spec.withLabel("联系人手机号")), phone);
        setValue(_get(EmailField.class, spec -> spec.withLabel("联系人邮箱")), "owner@example.org");
        setValue(_get(Checkbox.class), true);
    }

    /** The status the public page shows for this code and phone, or null when it finds nothing. */
    private String statusOf(String trackingCode, String phone) {
        navigate("join/status");
        setValue(_get(TextField.class, spec -> spec.withLabel("查询码")), trackingCode);
        setValue(_get(TextField.class, spec -> spec.withLabel("联系人手机号")), phone);
        _click(_get(Button.class, spec -> spec.withText("查询")));
        List<Fact> facts = _find(Fact.class);
        if (facts.isEmpty()) {
            assertThat(_get(Paragraph.class, spec -> spec.withText("没有与该查询码和手机号匹配的申请。"))).isNotNull();
            return null;
        }
        return facts.get(1).value();
    }

    private String existingMerchantCode() {
        return jdbc.sql("SELECT unified_credit_code FROM merchant_merchant ORDER BY id LIMIT 1").query(String.class).single();
    }

    private static String freshCreditCode() {
        String first17 = "91420100MA4" + "%06d".formatted(SERIAL.incrementAndGet());
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
