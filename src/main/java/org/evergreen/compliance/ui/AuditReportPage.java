package org.evergreen.compliance.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.DownloadHandler;
import org.evergreen.compliance.AuditReport;
import org.evergreen.compliance.AuditReportFiles;
import org.evergreen.compliance.AuditReports;
import org.evergreen.compliance.ReportScope;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.merchant.Region;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.ComponentTexts;
import org.evergreen.shared.ui.Fact;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Audit reports in the portal: the coalition, a merchant or a district, for a month (Beijing time) or any period of
 * days; the report on the page with its verdict against the ledger, and the same report as PDF and CSV.
 */
abstract class AuditReportPage extends VerticalLayout implements HasDynamicTitle {

    private static final int MONTHS_OFFERED = 24;

    private final AuditReports reports;
    private final AuditReportFiles files;
    private final DisplayFormats formats;
    private final Select<ReportScope.Kind> scope = new Select<>();
    private final ComboBox<PublicMerchant> merchant = new ComboBox<>();
    private final ComboBox<Region> region = new ComboBox<>();
    private final Select<YearMonth> month = new Select<>();
    private final DatePicker from = ComponentTexts.localized(new DatePicker());
    private final DatePicker to = ComponentTexts.localized(new DatePicker());
    private final Paragraph problem = new Paragraph();
    private final Div result = new Div();
    private @Nullable AuditReport report;

    AuditReportPage(AuditReports reports, AuditReportFiles files, MerchantDirectory merchants, DisplayFormats formats) {
        this.reports = reports;
        this.files = files;
        this.formats = formats;
        addClassName("audit-reports");
        ZoneId zone = formats.zone();

        scope.setLabel(getTranslation("audit.report.scope"));
        scope.setItems(ReportScope.Kind.values());
        scope.setItemLabelGenerator(kind -> getTranslation("audit.report.scope." + kind.name()));
        scope.setValue(ReportScope.Kind.COALITION);
        scope.addClassName("audit-report-scope");
        merchant.setLabel(getTranslation("audit.merchant"));
        merchant.setItems(query -> merchants.participants(query.getOffset(), query.getLimit()).stream(),
                query -> Math.toIntExact(merchants.participantCount()));
        merchant.setItemLabelGenerator(candidate -> candidate.name(getLocale()));
        merchant.addClassName("audit-report-merchant");
        region.setLabel(getTranslation("audit.report.region"));
        region.setItems(AdministrativeRegions.districts());
        region.setItemLabelGenerator(district -> district.name(getLocale()));
        region.addClassName("audit-report-region");
        scope.addValueChangeListener(change -> showScopeChoice());

        YearMonth thisMonth = YearMonth.now(zone);
        month.setLabel(getTranslation("audit.report.month"));
        month.setItems(Stream.iterate(thisMonth, previous -> previous.minusMonths(1)).limit(MONTHS_OFFERED).toList());
        month.setEmptySelectionAllowed(true);
        month.setEmptySelectionCaption(getTranslation("audit.report.customPeriod"));
        month.setItemLabelGenerator(value -> value == null ? getTranslation("audit.report.customPeriod")
                : value.format(DateTimeFormatter.ofPattern(getTranslation("audit.report.monthPattern"), getLocale())));
        month.setValue(thisMonth.minusMonths(1));
        month.addClassName("audit-report-month");
        month.addValueChangeListener(change -> showPeriodChoice());
        from.setLabel(getTranslation("points.filter.from"));
        to.setLabel(getTranslation("points.filter.to"));
        from.setValue(LocalDate.now(zone).withDayOfMonth(1));
        to.setValue(LocalDate.now(zone));

        Button generate = new Button(getTranslation("audit.report.generate"), click -> generate());
        generate.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        generate.addClassName("audit-report-generate");
        FlexLayout choices = new FlexLayout(scope, merchant, region, month, from, to, generate);
        choices.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        choices.setAlignItems(Alignment.BASELINE);
        choices.addClassName("audit-filters");
        problem.addClassName("audit-report-problem");
        result.addClassName("audit-report");
        result.setWidthFull();
        add(new Paragraph(getTranslation("audit.report.intro")), choices, problem, result);
        showScopeChoice();
        showPeriodChoice();
    }

    private void showScopeChoice() {
        merchant.setVisible(scope.getValue() == ReportScope.Kind.MERCHANT);
        region.setVisible(scope.getValue() == ReportScope.Kind.REGION);
    }

    private void showPeriodChoice() {
        from.setVisible(month.getValue() == null);
        to.setVisible(month.getValue() == null);
    }

    private void generate() {
        problem.setText("");
        result.removeAll();
        report = null;
        ZoneId zone = formats.zone();
        ReportScope chosen = switch (scope.getValue()) {
            case COALITION -> ReportScope.coalition();
            case MERCHANT -> merchant.getValue() == null ? null : ReportScope.merchant(merchant.getValue().id());
            case REGION -> region.getValue() == null ? null : ReportScope.region(region.getValue().code());
        };
        if (chosen == null) {
            problem.setText(getTranslation("audit.report.scope.choose"));
            return;
        }
        Instant start;
        Instant end;
        if (month.getValue() != null) {
            start = month.getValue().atDay(1).atStartOfDay(zone).toInstant();
            end = month.getValue().plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
        } else if (from.getValue() != null && to.getValue() != null) {
            start = from.getValue().atStartOfDay(zone).toInstant();
            end = to.getValue().plusDays(1).atStartOfDay(zone).toInstant();
        } else {
            problem.setText(getTranslation("audit.report.period"));
            return;
        }
        try {
            report = reports.report(chosen, start, end);
        } catch (InvalidInputException refused) {
            problem.setText(getTranslation(refused.messageKey(), refused.arguments()));
            return;
        } catch (AccessDeniedException outsideSupervision) {
            problem.setText(getTranslation("audit.report.outsideSupervision"));
            return;
        }
        show(report);
    }

    private void show(AuditReport shown) {
        Paragraph verdict = new Paragraph(files.verdict(shown, getLocale()));
        verdict.addClassNames("audit-report-verdict", shown.reconciliation().reconciled() ? "reconciled" : "not-reconciled");
        Paragraph heading = new Paragraph(getTranslation("audit.report.period.shown", formats.dateTime(shown.from(), getLocale()),
                formats.dateTime(shown.to(), getLocale())));
        Anchor pdf = new Anchor(download(shown, "pdf"), getTranslation("audit.report.pdf"));
        pdf.addClassName("audit-report-pdf");
        Anchor csv = new Anchor(download(shown, "csv"), getTranslation("audit.report.csv"));
        csv.addClassName("audit-report-csv");

        Grid<AuditReport.Line> lines = new Grid<>();
        lines.addClassName("audit-report-lines");
        lines.addColumn(line -> getTranslation("audit.report.cause." + line.cause().name())).setHeader(getTranslation("audit.report.cause"));
        lines.addColumn(line -> line.reason() == null ? "" : line.reason()).setHeader(getTranslation("audit.reason"));
        lines.addColumn(line -> formats.number(line.entries(), getLocale())).setHeader(getTranslation("audit.report.entries"));
        lines.addColumn(line -> formats.number(line.points(), getLocale())).setHeader(getTranslation("audit.points"));
        lines.setItems(shown.lines());
        lines.setAllRowsVisible(true);
        lines.setEmptyStateText(getTranslation("audit.report.noMovements"));

        HorizontalLayout downloads = new HorizontalLayout(pdf, csv);
        downloads.addClassName("audit-report-downloads");
        result.add(new H3(files.scopeName(shown.scope(), getLocale())), heading, verdict, downloads,
                new H3(getTranslation("audit.report.lines")), lines,
                card(new Fact(getTranslation("audit.report.net"), formats.number(shown.netToMembers(), getLocale()))));
        if (shown.members() != null) {
            AuditReport.MemberPoints members = shown.members();
            result.add(new H3(getTranslation("audit.report.members")), card(
                    fact("audit.report.opening", members.opening(), "audit-report-opening"),
                    fact("audit.report.closing", members.closing(), "audit-report-closing"),
                    fact("audit.report.frozenInPeriod", members.frozenInPeriod(), null),
                    fact("audit.report.releasedInPeriod", members.releasedInPeriod(), null),
                    fact("audit.report.frozenAtEnd", members.frozenAtEnd(), null)));
        }
        AuditReport.PurchaseFigures purchases = shown.purchases();
        result.add(new H3(getTranslation("audit.report.purchases")), card(
                fact("audit.report.purchaseCount", purchases.purchases(), "audit-report-purchases"),
                new Fact(getTranslation("audit.report.spend"), DisplayFormats.money(purchases.spend(), "CNY")),
                fact("audit.report.recordedPoints", purchases.recordedPoints(), null),
                fact("audit.report.ledgerPoints", purchases.ledgerPoints(), null),
                new Fact(getTranslation("audit.report.pointsPerYuan"), purchases.pointsPerYuan().toPlainString()),
                new Fact(getTranslation("audit.report.conformance"),
                        getTranslation("audit.report.conformance.value", purchases.conformanceChecked(), purchases.conformanceMismatches())),
                new Fact(getTranslation("audit.report.refunds"),
                        getTranslation("audit.report.refunds.value", purchases.refunds(), DisplayFormats.money(purchases.refunded(), "CNY")))));
        AuditReport.CaseFigures cases = shown.cases();
        result.add(new H3(getTranslation("audit.report.cases")), new Paragraph(getTranslation("audit.report.cases.value", cases.opened(),
                cases.frozen(), cases.released(), cases.deducted(), cases.deductedPoints())));
        Paragraph seal = new Paragraph(shown.sealAtEnd() == null ? getTranslation("audit.sealHead.none")
                : getTranslation("audit.sealHead", shown.sealAtEnd().sealId(), shown.sealAtEnd().sealHash(),
                formats.dateTime(shown.sealAtEnd().sealedAt(), getLocale())));
        seal.addClassName("audit-report-seal");
        result.add(new H3(getTranslation("audit.report.seal")), seal);
    }

    private Fact fact(String key, long value, @Nullable String className) {
        Fact fact = new Fact(getTranslation(key), formats.number(value, getLocale()));
        if (className != null) {
            fact.addClassName(className);
        }
        return fact;
    }

    private static Div card(Fact... facts) {
        Div card = new Div(facts);
        card.addClassName("card");
        return card;
    }

    /** The report on the page, as a file: the same figures, not generated again. */
    private DownloadHandler download(AuditReport shown, String extension) {
        return event -> {
            event.setFileName(AuditReportFiles.fileName(shown, extension));
            if (extension.equals("pdf")) {
                event.setContentType("application/pdf");
                event.getOutputStream().write(files.pdf(shown, getLocale()));
            } else {
                event.setContentType("text/csv; charset=UTF-8");
                Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8);
                files.csv(shown, getLocale(), out);
                out.flush();
            }
        };
    }

    /** The report shown, for tests of what the page offers to download. */
    @Nullable AuditReport report() {
        return report;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.auditReports");
    }
}
