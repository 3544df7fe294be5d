package org.evergreen.green;

import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.pdf.PdfDocuments;
import org.evergreen.shared.pdf.PdfWriter;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.awt.Color;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Members' impact reports as PDF: the page's figures and charts on A4, the charts drawn by the same JFreeChart code as
 * the page with the font the PDF carries.
 */
@Service
public class ImpactReportPdfs {

    private final PdfDocuments documents;
    private final GreenReports reports;
    private final Translations translations;
    private final DisplayFormats formats;
    private final Clock clock;

    ImpactReportPdfs(PdfDocuments documents, GreenReports reports, Translations translations, DisplayFormats formats, Clock clock) {
        this.documents = documents;
        this.reports = reports;
        this.translations = translations;
        this.formats = formats;
        this.clock = clock;
    }

    /** The signed-in member's report for a year, as a PDF in that language. */
    @PreAuthorize("hasRole('MEMBER')")
    public byte[] myReport(int year, Locale locale) {
        return render(reports.myReport(year), locale);
    }

    public static String fileName(int year) {
        return "evergreen-impact-" + year + ".pdf";
    }

    byte[] render(ImpactReport report, Locale locale) {
        return documents.write(writer -> write(writer, report, locale));
    }

    private void write(PdfWriter writer, ImpactReport report, Locale locale) throws IOException {
        ImpactReport.Figures now = report.thisYear();
        writer.text(t(locale, "impact.heading", report.year()), 20, PdfWriter.GREEN);
        writer.text(t(locale, "impact.pdf.generated", formats.dateTime(clock.instant(), locale)), 9, Color.GRAY);
        writer.space(8);
        writer.row(List.of(t(locale, "impact.co2e"), co2e(now.co2eGrams(), locale)), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.greenPoints"), t(locale, "impact.points", now.greenPoints())), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.greenShare"), t(locale, "impact.percent", now.greenSharePercent().toPlainString())
                + "  (" + t(locale, "impact.greenSpend", yuan(now.greenSpend()), yuan(now.spend())) + ")"), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.pdf.lastYear"), co2e(report.lastYear().co2eGrams(), locale) + " · "
                + t(locale, "impact.points", report.lastYear().greenPoints())), new float[]{200}, 12);
        writer.row(List.of(t(locale, "impact.allTime"), co2e(report.allTime().co2eGrams(), locale)), new float[]{200}, 12);
        writer.space(10);

        writer.text(t(locale, "impact.equivalents"), 14, PdfWriter.GREEN);
        for (Equivalent equivalent : Equivalent.values()) {
            writer.text("· " + t(locale, "impact.equivalent." + equivalent.name(),
                    ImpactFormats.decimal(equivalent.of(now.co2eGrams()), 1, locale)), 11, Color.BLACK);
        }
        writer.space(10);

        writer.text(t(locale, "impact.monthly", t(locale, "impact.chart.kg")), 14, PdfWriter.GREEN);
        writer.chart(ImpactCharts.monthlyCo2e(report, locale, PdfDocuments.CHART_FONT), 220);

        writer.text(t(locale, "impact.byMethod", t(locale, "impact.chart.kg")), 14, PdfWriter.GREEN);
        if (report.byMethod().isEmpty()) {
            writer.text(t(locale, "impact.noGreenYet"), 10, Color.BLACK);
        } else {
            writer.chart(ImpactCharts.co2eByMethod(report.byMethod(), locale, PdfDocuments.CHART_FONT), 40 + 26 * report.byMethod().size());
            float[] columns = {230, 330};
            writer.row(List.of(t(locale, "impact.method"), t(locale, "impact.greenSpendColumn"), t(locale, "impact.co2eColumn")), columns, 10);
            for (ImpactReport.MethodFigures method : report.byMethod()) {
                writer.row(List.of(method.method().name(locale), yuan(method.greenSpend()), co2e(method.co2eGrams(), locale)), columns, 10);
            }
        }
        writer.space(10);

        writer.text(t(locale, "impact.byMerchant"), 14, PdfWriter.GREEN);
        float[] columns = {150, 220, 295, 365};
        writer.row(List.of(t(locale, "impact.merchant"), t(locale, "impact.spendColumn"), t(locale, "impact.greenShareShort"),
                t(locale, "impact.greenPoints"), t(locale, "impact.co2eColumn")), columns, 10);
        for (ImpactReport.MerchantFigures merchant : report.byMerchant()) {
            writer.row(List.of(merchant.merchant().name(locale), yuan(merchant.spend()),
                    t(locale, "impact.percent", merchant.greenSharePercent().toPlainString()),
                    formats.number(merchant.greenPoints(), locale), co2e(merchant.co2eGrams(), locale)), columns, 10);
        }
        if (report.byMerchant().isEmpty()) {
            writer.text(t(locale, "impact.noPurchases"), 10, Color.BLACK);
        }
        writer.space(12);
        writer.text(t(locale, "impact.pdf.method"), 9, Color.GRAY);
    }

    private String t(Locale locale, String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    private String co2e(long grams, Locale locale) {
        return ImpactFormats.co2e(grams, locale, translations);
    }

    private static String yuan(BigDecimal amount) {
        return "¥" + amount.toPlainString();
    }
}
