package org.evergreen.compliance;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.Region;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.pdf.PdfDocuments;
import org.evergreen.shared.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An audit report as the files a regulator keeps: a PDF that reads like the page, and a CSV of the same figures for
 * their own tools. Both name the scope, the period, the seal head at its end and whether the report reconciles.
 */
@Service
public class AuditReportFiles {

    private final Translations translations;
    private final DisplayFormats formats;
    private final MerchantDirectory merchants;
    private final PdfDocuments documents;

    AuditReportFiles(Translations translations, DisplayFormats formats, MerchantDirectory merchants, PdfDocuments documents) {
        this.translations = translations;
        this.formats = formats;
        this.merchants = merchants;
        this.documents = documents;
    }

    /** "The whole coalition", the merchant's name or the district's. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public String scopeName(ReportScope scope, Locale locale) {
        return switch (scope.kind()) {
            case COALITION -> t(locale, "audit.report.scope.COALITION");
            case MERCHANT -> merchants.publicMerchant(Objects.requireNonNull(scope.merchantId())).name(locale);
            case REGION -> AdministrativeRegions.byCode(scope.regionCode()).map(region -> region.name(locale))
                    .orElse(Objects.requireNonNullElse(scope.regionCode(), Region.UNPLACED));
        };
    }

    public static String fileName(AuditReport report, String extension) {
        String scope = switch (report.scope().kind()) {
            case COALITION -> "coalition";
            case MERCHANT -> "merchant-" + report.scope().merchantId();
            case REGION -> "region-" + report.scope().regionCode();
        };
        return "evergreen-audit-report-" + scope + "-" + report.from().toString().substring(0, 10) + "." + extension;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public void csv(AuditReport report, Locale locale, Writer out) throws IOException {
        CSVPrinter csv = CSVFormat.DEFAULT.builder().setCommentMarker('#').get().print(out);
        csv.printComment("Evergreen audit report: " + scopeName(report.scope(), locale));
        csv.printComment("period_utc: " + report.from() + " / " + report.to() + "; generated_utc: " + report.generatedAt());
        csv.printComment(report.sealAtEnd() == null ? "seal head at period end: none"
                : "seal head at period end: " + report.sealAtEnd().sealId() + " " + report.sealAtEnd().sealHash() + " " + report.sealAtEnd().sealedAt());
        csv.printComment(report.reconciliation().reconciled() ? "reconciled with the ledger: yes" : "reconciled with the ledger: NO");
        csv.printRecord("section", "item", "reason", "entries", "value");
        for (AuditReport.Line line : report.lines()) {
            csv.printRecord("points", line.cause(), line.reason(), line.entries(), line.points());
        }
        csv.printRecord("points", "NET_TO_MEMBERS", null, null, report.netToMembers());
        if (report.members() != null) {
            AuditReport.MemberPoints members = report.members();
            csv.printRecord("members", "OPENING", null, null, members.opening());
            csv.printRecord("members", "CLOSING", null, null, members.closing());
            csv.printRecord("members", "FROZEN_IN_PERIOD", null, null, members.frozenInPeriod());
            csv.printRecord("members", "RELEASED_IN_PERIOD", null, null, members.releasedInPeriod());
            csv.printRecord("members", "FROZEN_AT_END", null, null, members.frozenAtEnd());
        }
        AuditReport.PurchaseFigures purchases = report.purchases();
        csv.printRecord("purchases", "COUNT", null, null, purchases.purchases());
        csv.printRecord("purchases", "SPEND_CNY", null, null, purchases.spend().toPlainString());
        csv.printRecord("purchases", "RECORDED_POINTS", null, null, purchases.recordedPoints());
        csv.printRecord("purchases", "LEDGER_POINTS", null, null, purchases.ledgerPoints());
        csv.printRecord("purchases", "POINTS_PER_YUAN", null, null, purchases.pointsPerYuan().toPlainString());
        csv.printRecord("purchases", "CONFORMANCE_CHECKED", null, null, purchases.conformanceChecked());
        csv.printRecord("purchases", "CONFORMANCE_MISMATCHES", null, null, purchases.conformanceMismatches());
        csv.printRecord("refunds", "COUNT", null, null, purchases.refunds());
        csv.printRecord("refunds", "AMOUNT_CNY", null, null, purchases.refunded().toPlainString());
        AuditReport.CaseFigures cases = report.cases();
        csv.printRecord("cases", "OPENED", null, null, cases.opened());
        csv.printRecord("cases", "FROZEN", null, null, cases.frozen());
        csv.printRecord("cases", "RELEASED", null, null, cases.released());
        csv.printRecord("cases", "DEDUCTED", null, null, cases.deducted());
        csv.printRecord("cases", "DEDUCTED_POINTS", null, null, cases.deductedPoints());
        AuditReport.Reconciliation reconciliation = report.reconciliation();
        csv.printRecord("reconciliation", "DIFFERENCE", null, null, reconciliation.difference());
        csv.printRecord("reconciliation", "UNBALANCED_ENTRIES", null, null, reconciliation.unbalancedEntries());
        csv.printRecord("reconciliation", "PURCHASE_DIFFERENCE", null, null, reconciliation.purchaseDifference());
        csv.flush();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public byte[] pdf(AuditReport report, Locale locale) {
        return documents.write(writer -> write(writer, report, locale));
    }

    private void write(PdfWriter writer, AuditReport report, Locale locale) throws IOException {
        float[] two = {260};
        float[] lineColumns = {170, 330, 400};
        writer.text(t(locale, "audit.report.heading", scopeName(report.scope(), locale)), 18, PdfWriter.GREEN);
        writer.text(t(locale, "audit.report.period.shown", formats.dateTime(report.from(), locale), formats.dateTime(report.to(), locale)),
                10, Color.BLACK);
        writer.text(t(locale, "audit.report.generated", formats.dateTime(report.generatedAt(), locale)), 9, Color.GRAY);
        writer.space(6);
        writer.text(verdict(report, locale), 11, report.reconciliation().reconciled() ? PdfWriter.GREEN : Color.RED);
        writer.space(8);

        writer.text(t(locale, "audit.report.lines"), 13, PdfWriter.GREEN);
        writer.row(List.of(t(locale, "audit.report.cause"), t(locale, "audit.reason"), t(locale, "audit.report.entries"),
                t(locale, "audit.points")), lineColumns, 9);
        for (AuditReport.Line line : report.lines()) {
            writer.row(List.of(t(locale, "audit.report.cause." + line.cause().name()), line.reason() == null ? "" : line.reason(),
                    formats.number(line.entries(), locale), formats.number(line.points(), locale)), lineColumns, 9);
        }
        if (report.lines().isEmpty()) {
            writer.text(t(locale, "audit.report.noMovements"), 9, Color.BLACK);
        }
        writer.row(List.of(t(locale, "audit.report.net"), "", "", formats.number(report.netToMembers(), locale)), lineColumns, 9);
        writer.space(8);

        if (report.members() != null) {
            AuditReport.MemberPoints members = report.members();
            writer.text(t(locale, "audit.report.members"), 13, PdfWriter.GREEN);
            writer.row(List.of(t(locale, "audit.report.opening"), formats.number(members.opening(), locale)), two, 10);
            writer.row(List.of(t(locale, "audit.report.closing"), formats.number(members.closing(), locale)), two, 10);
            writer.row(List.of(t(locale, "audit.report.frozenInPeriod"), formats.number(members.frozenInPeriod(), locale)), two, 10);
            writer.row(List.of(t(locale, "audit.report.releasedInPeriod"), formats.number(members.releasedInPeriod(), locale)), two, 10);
            writer.row(List.of(t(locale, "audit.report.frozenAtEnd"), formats.number(members.frozenAtEnd(), locale)), two, 10);
            writer.space(8);
        }

        AuditReport.PurchaseFigures purchases = report.purchases();
        writer.text(t(locale, "audit.report.purchases"), 13, PdfWriter.GREEN);
        writer.row(List.of(t(locale, "audit.report.purchaseCount"), formats.number(purchases.purchases(), locale)), two, 10);
        writer.row(List.of(t(locale, "audit.report.spend"), DisplayFormats.money(purchases.spend(), "CNY")), two, 10);
        writer.row(List.of(t(locale, "audit.report.recordedPoints"), formats.number(purchases.recordedPoints(), locale)), two, 10);
        writer.row(List.of(t(locale, "audit.report.ledgerPoints"), formats.number(purchases.ledgerPoints(), locale)), two, 10);
        writer.row(List.of(t(locale, "audit.report.pointsPerYuan"), purchases.pointsPerYuan().toPlainString()), two, 10);
        writer.row(List.of(t(locale, "audit.report.conformance"),
                t(locale, "audit.report.conformance.value", purchases.conformanceChecked(), purchases.conformanceMismatches())), two, 10);
        writer.row(List.of(t(locale, "audit.report.refunds"),
                t(locale, "audit.report.refunds.value", purchases.refunds(), DisplayFormats.money(purchases.refunded(), "CNY"))), two, 10);
        writer.space(8);

        AuditReport.CaseFigures cases = report.cases();
        writer.text(t(locale, "audit.report.cases"), 13, PdfWriter.GREEN);
        writer.text(t(locale, "audit.report.cases.value", cases.opened(), cases.frozen(), cases.released(), cases.deducted(),
                cases.deductedPoints()), 10, Color.BLACK);
        writer.space(8);

        writer.text(t(locale, "audit.report.seal"), 13, PdfWriter.GREEN);
        writer.text(report.sealAtEnd() == null ? t(locale, "audit.sealHead.none") : t(locale, "audit.sealHead", report.sealAtEnd().sealId(),
                report.sealAtEnd().sealHash(), formats.dateTime(report.sealAtEnd().sealedAt(), locale)), 9, Color.BLACK);
    }

    /** Whether the report reconciles with the ledger, or which difference it found. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public String verdict(AuditReport report, Locale locale) {
        AuditReport.Reconciliation reconciliation = report.reconciliation();
        if (reconciliation.reconciled()) {
            return t(locale, "audit.report.reconciled");
        }
        return t(locale, "audit.report.notReconciled", reconciliation.difference(), reconciliation.unbalancedEntries(),
                reconciliation.purchaseDifference());
    }

    private String t(Locale locale, String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }
}
