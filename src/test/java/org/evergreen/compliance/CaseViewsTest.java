package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.NavigatorKt;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.portal.AccessDeniedView;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.ui.Fact;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.nio.charset.StandardCharsets;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A case through the real pages: opened by one admin, frozen by a second, appealed by the member, decided by a third, read by the regulator. */
class CaseViewsTest extends KaribuTest {

    private static final String PASSWORD = "second-admin-2026";

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Cases cases;

    @Test
    void aCaseFromOpeningThroughAppealToDecisionAsEachRoleSeesIt() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        TestMember member = fixtures.member(900);
        long entry = jdbc.sql("""
                        SELECT p.entry_id FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.owner_id = ? AND a.type = 'MEMBER_WALLET' ORDER BY p.entry_id LIMIT 1""").param(member.id()).query(Long.class).single();
        String checker = "viewchecker" + System.nanoTime() % 1_000_000;
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(checker, "复核管理员", Role.ADMIN, PASSWORD)));

        login("admin");
        navigate("admin/cases");
        _click(_get(Button.class, spec -> spec.withClasses("case-open")));
        setValue(_get(TextField.class, spec -> spec.withLabel("会员号")), fixtures.memberNumber(member.id()));
        @SuppressWarnings("unchecked")
        Select<CaseBehaviour> behaviour = _get(Select.class, spec -> spec.withLabel("涉嫌行为"));
        setValue(behaviour, CaseBehaviour.FAKE_ORDERS);
        setValue(_get(TextArea.class, spec -> spec.withLabel("案情摘要")), "同一小票重复上报");
        setValue(_get(TextField.class, spec -> spec.withLabel("相关分录")), String.valueOf(entry));
        setValue(_get(IntegerField.class, spec -> spec.withLabel("涉案积分")), 300);
        setValue(_get(TextArea.class, spec -> spec.withLabel("证据说明")), "三家门店小票号相同");
        _click(_get(Button.class, spec -> spec.withClasses("case-open-save")));
        assertThat(NavigatorKt.getCurrentPath()).startsWith("admin/case/");
        String path = NavigatorKt.getCurrentPath();
        assertThat(status()).isEqualTo("已立案，待批准冻结");

        // The opener's own approval is refused, and nothing changes.
        _click(_get(Button.class, spec -> spec.withClasses("case-approve")));
        expectNotifications("立案人不能批准或裁决自己的案件：须由另一名管理员处理。");
        assertThat(fixtures.available(member.id())).isEqualTo(900);

        login(checker, PASSWORD);
        navigate(path);
        _click(_get(Button.class, spec -> spec.withClasses("case-approve")));
        assertThat(status()).isEqualTo("积分已冻结，待裁决");
        assertThat(fixtures.available(member.id())).isEqualTo(600);

        login(member.username(), "evergreen");
        // The member is told on their home page, with the reason, and finds the case from there.
        navigate("member");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("home-case")).getText())
                .contains("300 积分因涉嫌“刷单”被冻结（同一小票重复上报）");
        navigate("member/cases");
        assertThat(status()).isEqualTo("积分已冻结，待裁决");
        setValue(_get(TextArea.class, spec -> spec.withClasses("case-appeal-statement")), "是家人分别消费。");
        UploadKt._upload(_get(Upload.class, spec -> spec.withClasses("case-appeal-file")), "family.txt", "text/plain",
                "three receipts, three people".getBytes(StandardCharsets.UTF_8));
        _click(_get(Button.class, spec -> spec.withClasses("case-appeal")));
        assertThat(_get(UnorderedList.class, spec -> spec.withClasses("case-evidence"))
                .getElement().getTextRecursively()).contains("申诉", "是家人分别消费。", "family.txt");

        // The appeal period ends (here: is moved to the past), then the checker decides.
        jdbc.sql("UPDATE compliance_case SET appeal_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?")
                .param(Long.parseLong(path.substring(path.lastIndexOf('/') + 1))).update();
        login(checker, PASSWORD);
        navigate(path);
        setValue(_get(IntegerField.class, spec -> spec.withClasses("case-deduct")), 100);
        setValue(_get(TextArea.class, spec -> spec.withClasses("case-reason")), "一笔为重复上报。");
        _click(_get(Button.class, spec -> spec.withClasses("case-decide")));
        assertThat(status()).isEqualTo("已扣除");
        assertThat(fixtures.available(member.id())).isEqualTo(800);

        login("regulator");
        navigate(path.replace("admin/", "regulator/"));
        assertThat(status()).isEqualTo("已扣除");
        assertThat(_get(Fact.class, spec -> spec.withClasses("case-decision")).value()).isEqualTo("扣除 100 积分：一笔为重复上报。");
        assertThat(_find(Button.class, spec -> spec.withClasses("case-decide"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withClasses("case-approve"))).isEmpty();
    }

    @Test
    void aRegulatorReadsButChangesNothing() {
        login("regulator");
        navigate("admin/cases");
        assertThat(NavigatorKt.getCurrentView()).isEqualTo(AccessDeniedView.class);
        assertThatThrownBy(() -> cases.approveFreeze(1))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.decide(1, 0, "x"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> cases.open(new CaseDraft("920261201007", CaseBehaviour.OTHER, "x", "1", 1L, null),
                "x")).isInstanceOf(AccessDeniedException.class);
        navigate("regulator/cases");
        assertThat(_find(Button.class, spec -> spec.withClasses("case-open"))).isEmpty();
    }

    private static String status() {
        return _get(Fact.class, spec -> spec.withClasses("case-status")).value();
    }
}
