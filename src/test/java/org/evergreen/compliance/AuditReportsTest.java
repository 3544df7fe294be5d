package org.evergreen.compliance;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.evergreen.KaribuTest;
import org.evergreen.catalog.CatalogFixtures;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.green.GreenPurchases;
import org.evergreen.shared.validation.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Audit reports from the ledger, reconciled with it to the point, on the page and as PDF and CSV. */
class AuditReportsTest extends KaribuTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    AuditReports reports;

    @Autowired
    AuditReportFiles files;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aPeriodsReportExplainsEveryPointMovedAndReconcilesWithTheLedger() throws Exception {
        // From now: a test just before may have left a purchase the ledger never credited (on purpose) a moment ago.
        Instant start = Instant.now();
        GreenPurchases purchases = new GreenPurchases(context);
        long member = purchases.newMember();
        purchases.buyBulbsAndTea(member);
        purchases.buy(member, new PurchaseRequest.Line("F-1", "有机蔬菜", "fresh", 2, new BigDecimal("9.90"), false, null));
        long merchant = jdbc.sql("SELECT merchant_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        Instant end = Instant.now().plusSeconds(1);

        login("regulator");
        AuditReport coalition = reports.report(ReportScope.coalition(), start, end);
        assertThat(coalition.reconciliation().reconciled()).as(coalition.reconciliation().toString()).isTrue();
        AuditReport.MemberPoints members = coalition.members();
        assertThat(members).isNotNull();
        assertThat(members.opening() + coalition.netToMembers()).isEqualTo(members.closing());
        assertThat(members.closing()).isEqualTo(jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount), 0) FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id
                        JOIN ledger_account a ON a.id = p.account_id
                        WHERE e.created_at < ? AND a.type IN ('MEMBER_WALLET', 'MEMBER_HELD', 'MEMBER_FROZEN', 'HOUSEHOLD_POOL', 'HOUSEHOLD_HELD')""")
                .param(java.time.LocalDateTime.ofInstant(end, java.time.ZoneOffset.UTC)).query(Long.class).single());
        long earned = jdbc.sql("SELECT COALESCE(SUM(points), 0) FROM earning_purchase WHERE member_id = ?").param(member).query(Long.class).single();
        assertThat(earned).isPositive();
        assertThat(coalition.points(AuditReport.Cause.PURCHASES) + coalition.points(AuditReport.Cause.PLATFORM_BONUS)).isGreaterThanOrEqualTo(earned);
        assertThat(coalition.purchases().purchases()).isGreaterThanOrEqualTo(2);
        assertThat(coalition.purchases().ledgerPoints()).isEqualTo(coalition.purchases().recordedPoints());

        // The merchant's report; and a purchase written past the ledger (in a month of its own, long ago, so that no other
        // report sees it): its points were never credited, and that month's report says so.
        AuditReport clean = reports.report(ReportScope.merchant(merchant), start, end);
        assertThat(clean.reconciliation().reconciled()).isTrue();
        assertThat(clean.members()).isNull();
        assertThat(clean.purchases().pointsPerYuan()).isPositive();
        long store = jdbc.sql("SELECT store_id FROM merchant_till_key WHERE key_prefix = 'demo0001'").query(Long.class).single();
        int version = jdbc.sql("SELECT MAX(version) FROM earning_rule_set WHERE merchant_id = ? AND effective_from <= UTC_TIMESTAMP(6)")
                .param(merchant).query(Integer.class).single();
        jdbc.sql("""
                        INSERT INTO earning_purchase (merchant_id, store_id, member_id, receipt_number, idempotency_key, request_hash,
                                                      purchased_at, total, currency, points, platform_points, rule_version, tier, created_at)
                        VALUES (?, ?, ?, ?, ?, 'unposted', '2020-03-15 02:00:00', 10.00, 'CNY', 777, 0, ?, 'ORDINARY', '2020-03-15 02:00:00')""")
                .params(merchant, store, member, "UNPOSTED-" + System.nanoTime(), "unposted-" + System.nanoTime(), version).update();
        AuditReport broken = reports.report(ReportScope.merchant(merchant), Instant.parse("2020-03-01T00:00:00Z"), Instant.parse("2020-04-01T00:00:00Z"));
        assertThat(broken.reconciliation().reconciled()).isFalse();
        assertThat(broken.reconciliation().purchaseDifference()).isEqualTo(777);
        assertThat(broken.purchases().mismatchedPurchases()).isOne();
        assertThat(files.verdict(broken, Locale.SIMPLIFIED_CHINESE)).contains("消费记录与账本相差 777 积分");

        // A district's report covers the merchants with a store there.
        String region = jdbc.sql("SELECT region_code FROM merchant_store WHERE id = ?").param(store).query(String.class).single();
        AuditReport district = reports.report(ReportScope.region(region), start, end);
        assertThat(district.purchases().purchases()).isGreaterThanOrEqualTo(clean.purchases().purchases());

        // The files carry the same figures, the seal head and the verdict.
        StringWriter csv = new StringWriter();
        files.csv(coalition, Locale.ENGLISH, csv);
        assertThat(csv.toString()).contains("# reconciled with the ledger: yes", "points,PURCHASES,", "purchases,COUNT,,," + coalition.purchases().purchases());
        try (PDDocument pdf = Loader.loadPDF(files.pdf(clean, Locale.SIMPLIFIED_CHINESE))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("审计报告：青松便利", "已与账本逐分核对一致", "消费发放（商户承担）", "期末封印链头");
        }

        // Refused: a period of more than a year, a period that ends before it starts; members read no reports.
        assertThatThrownBy(() -> reports.report(ReportScope.coalition(), start.minus(Duration.ofDays(400)), end))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("audit.report.period");
        assertThatThrownBy(() -> reports.report(ReportScope.coalition(), end, start)).isInstanceOf(InvalidInputException.class);
        login("member");
        assertThatThrownBy(() -> reports.report(ReportScope.coalition(), start, end)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theRegulatorsPageShowsTheReportWithItsVerdictAndItsLines() {
        new CatalogFixtures(context).member(321);
        login("regulator");
        navigate("regulator/reports");
        @SuppressWarnings("unchecked")
        Select<Object> month = _get(Select.class, spec -> spec.withClasses("audit-report-month"));
        setValue(month, null);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        setValue(_get(DatePicker.class, spec -> spec.withLabel("开始日期")), today);
        setValue(_get(DatePicker.class, spec -> spec.withLabel("结束日期")), today);
        _click(_get(Button.class, spec -> spec.withClasses("audit-report-generate")));
        // Today's coalition may hold another test's forged purchase: the page says what the service finds, whichever it is.
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        AuditReport expected = reports.report(ReportScope.coalition(), today.atStartOfDay(zone).toInstant(),
                today.plusDays(1).atStartOfDay(zone).toInstant());
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("audit-report-verdict")).getText())
                .isEqualTo(files.verdict(expected, Locale.SIMPLIFIED_CHINESE));
        @SuppressWarnings("unchecked")
        Grid<AuditReport.Line> lines = _get(Grid.class, spec -> spec.withClasses("audit-report-lines"));
        assertThat(IntStream.range(0, GridKt._size(lines)).mapToObj(row -> GridKt._get(lines, row).cause()))
                .contains(AuditReport.Cause.PURCHASES);

        // The end before the start: a clear message, no report.
        setValue(_get(DatePicker.class, spec -> spec.withLabel("开始日期")), today.plusDays(1));
        _click(_get(Button.class, spec -> spec.withClasses("audit-report-generate")));
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("audit-report-problem")).getText())
                .isEqualTo("请选择不超过 366 天的期间，结束日期不早于开始日期。");
    }
}
