package org.evergreen.compliance;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.evergreen.BrowserTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.catalog.CatalogFixtures.TestMember;
import org.evergreen.security.NewStaffUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A case in a real browser: opened with evidence, frozen by a second admin, appealed by the member, decided by a third. */
class CaseEndToEndTest extends BrowserTest {

    private static final String PASSWORD = "browser-admin-2026";

    @Autowired
    ApplicationContext context;

    @Autowired
    UserAccounts users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCaseGoesFromOpeningThroughTheMembersAppealToADecisionTheMemberSees() {
        CatalogFixtures fixtures = new CatalogFixtures(context);
        TestMember member = fixtures.member(1_000);
        long entry = jdbc.sql("""
                        SELECT MAX(p.entry_id) FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE a.type = 'MEMBER_WALLET' AND a.owner_id = ?""").param(member.id()).query(Long.class).single();
        String checker = "e2echeck" + System.nanoTime() % 1_000_000;
        String arbiter = "e2edecide" + System.nanoTime() % 1_000_000;
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(checker, "复核管理员", Role.ADMIN, PASSWORD)));
        SystemActor.run(() -> users.createStaffUser(new NewStaffUser(arbiter, "裁决管理员", Role.ADMIN, PASSWORD)));

        // An admin opens the case with a first note of evidence.
        signIn("admin", "evergreen");
        assertThat(page).hasURL(Pattern.compile(".*/admin(\\?continue)?$"));
        page.navigate(url("admin/cases"));
        page.locator("vaadin-button.case-open").click();
        field("会员号").fill(fixtures.memberNumber(member.id()));
        field("涉嫌行为").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("刷单")).click();
        field("案情摘要").fill("同一小票在三家门店重复上报");
        field("相关分录").fill(String.valueOf(entry));
        field("涉案积分").fill("600");
        field("证据说明").fill("三张小票照片，号码相同");
        page.locator("vaadin-button.case-open-save").click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/case/\\d+$"));
        Matcher id = Pattern.compile("/admin/case/(\\d+)$").matcher(page.url());
        assertThat(id.find()).isTrue();
        String casePath = "admin/case/" + id.group(1);
        assertThat(page.locator(".case-status .fact-value")).hasText("已立案，待批准冻结");
        signOut();

        // A second admin approves the freeze: the member's points leave their available balance.
        signIn(checker, PASSWORD);
        page.navigate(url(casePath));
        page.locator("vaadin-button.case-approve").click();
        assertThat(page.locator(".case-status .fact-value")).hasText("积分已冻结，待裁决");
        signOut();

        // The member sees why, and appeals.
        signIn(member.username(), "evergreen");
        page.navigate(url("member/cases"));
        assertThat(page.locator(".case-status .fact-value")).hasText("积分已冻结，待裁决");
        assertThat(page.locator(".case-panel")).containsText("同一小票在三家门店重复上报");
        page.locator("vaadin-text-area.case-appeal-statement textarea").fill("这些是家人分别消费，小票号相同是收银系统问题。");
        page.locator("vaadin-button.case-appeal").click();
        assertThat(page.locator(".case-timeline")).containsText("会员申诉");
        page.navigate(url("member/points"));
        assertThat(page.locator(".points-available .fact-value")).hasText("400");
        screenshot("member-case-appealed");
        signOut();

        // Once the appeal period is over, a third admin deducts part and releases the rest.
        jdbc.sql("UPDATE compliance_case SET appeal_until = UTC_TIMESTAMP(6) - INTERVAL 1 SECOND WHERE id = ?").param(Long.parseLong(id.group(1)))
                .update();
        signIn(arbiter, PASSWORD);
        page.navigate(url(casePath));
        page.locator("vaadin-integer-field.case-deduct input").fill("200");
        page.locator("vaadin-text-area.case-reason textarea").fill("其中两笔确为重复上报，一笔为家人真实消费。");
        page.locator("vaadin-button.case-decide").click();
        assertThat(page.locator(".case-status .fact-value")).hasText("已扣除");
        signOut();

        // The member sees the outcome and its reason, and their points.
        signIn(member.username(), "evergreen");
        page.navigate(url("member/cases"));
        assertThat(page.locator(".case-status .fact-value")).hasText("已扣除");
        assertThat(page.locator(".case-panel")).containsText("其中两笔确为重复上报");
        page.navigate(url("member/points"));
        assertThat(page.locator(".points-available .fact-value")).hasText("800");
        screenshot("member-case-decided");
        assertThat(fixtures.available(member.id())).isEqualTo(800);
        signOut();

        // The regulator's report of this month counts the deduction among the causes, and reconciles or says why not.
        signIn("regulator", "evergreen");
        page.navigate(url("regulator/reports"));
        field("月份").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("其他期间")).click();
        page.locator("vaadin-button.audit-report-generate").click();
        assertThat(page.locator("vaadin-grid.audit-report-lines")).containsText("案件扣除");
        assertThat(page.locator(".audit-report-verdict")).containsText("核对");
        assertThat(page.locator("a.audit-report-pdf")).isVisible();
        screenshot("regulator-audit-report");
    }

    /** The field with this label in the open dialog. */
    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private void signOut() {
        page.locator("vaadin-button.logout").click();
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }
}
