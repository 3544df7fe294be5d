package org.evergreen.green.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.Equivalent;
import org.evergreen.green.GreenReports;
import org.evergreen.green.ImpactCharts;
import org.evergreen.green.ImpactReport;
import org.evergreen.green.ImpactReportPdfs;
import org.evergreen.green.ShareCards;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.SvgImage;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.util.Locale;

/**
 * The member's environmental-impact report: what their green consumption avoided this year, against last year and in
 * things people know, month by month, and by kind of green product and by merchant; with how it is counted one click away.
 */
@Route("member/impact")
@Menu(title = "nav.member.impact", order = 2.5, icon = "vaadin:sun-o")
@RolesAllowed(Roles.MEMBER)
class MyImpactView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Font CHART_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final GreenReports reports;
    private final DisplayFormats formats;
    private final GreenTexts texts;
    private final Div content = new Div();
    private final Select<Integer> year = new Select<>();

    private final ImpactReportPdfs pdfs;
    private final ShareCards cards;
    private final Div share = new Div();

    MyImpactView(GreenReports reports, ImpactReportPdfs pdfs, ShareCards cards, DisplayFormats formats) {
        this.reports = reports;
        this.pdfs = pdfs;
        this.cards = cards;
        this.formats = formats;
        this.texts = new GreenTexts(this, formats);
        addClassName("my-impact-view");
        year.setLabel(getTranslation("impact.year"));
        year.addClassName("impact-year");
        year.addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                show(change.getValue());
            }
        });
        content.addClassName("impact-content");
        content.setWidthFull();
        add(year, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        show(reports.currentYear());
    }

    private void show(int selectedYear) {
        ImpactReport report = reports.myReport(selectedYear);
        year.setItems(report.years());
        year.setValue(selectedYear);
        content.removeAll();
        showShare(report.year());
        content.add(new H2(getTranslation("impact.heading", report.year())), pdfLink(report.year()), share, headline(report), equivalents(report), monthly(report),
                byMethod(report), byMerchant(report), new Anchor("green/methods", getTranslation("impact.howCounted")));
    }

    /** The year's share card: a button to share it, or its link and a button to stop sharing it. */
    private void showShare(int year) {
        share.removeAll();
        share.addClassName("impact-share");
        cards.mine(year).ifPresentOrElse(token -> {
            Anchor link = new Anchor("green/card/" + token, getTranslation("impact.card.open"));
            link.setTarget("_blank");
            link.addClassName("impact-card-link");
            Button stop = new Button(getTranslation("impact.card.stop"), click -> {
                cards.stop(token);
                Notification.show(getTranslation("impact.card.stopped"));
                showShare(year);
            });
            stop.addClassName("impact-card-stop");
            share.add(new Paragraph(getTranslation("impact.card.shared")), link, stop);
        }, () -> {
            Button create = new Button(getTranslation("impact.card.share"), click -> {
                cards.share(year);
                showShare(year);
            });
            create.addClassName("impact-card-share");
            share.add(create);
        });
    }

    /** The same report as a PDF in the reader's language, made when the link is followed. */
    private Anchor pdfLink(int reportYear) {
        Locale locale = getLocale();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] pdf = pdfs.myReport(reportYear, locale);
            return new DownloadResponse(new ByteArrayInputStream(pdf), ImpactReportPdfs.fileName(reportYear), "application/pdf", pdf.length);
        }), getTranslation("impact.pdf.download"));
        link.addClassName("impact-pdf");
        return link;
    }

    private Div headline(ImpactReport report) {
        ImpactReport.Figures now = report.thisYear();
        ImpactReport.Figures before = report.lastYear();
        Div cards = new Div(
                new FigureCard("impact-co2e", getTranslation("impact.co2e"), texts.co2e(now.co2eGrams()), change(now.co2eGrams(), before.co2eGrams())),
                new FigureCard("impact-green-points", getTranslation("impact.greenPoints"), getTranslation("impact.points", now.greenPoints()),
                        change(now.greenPoints(), before.greenPoints())),
                new FigureCard("impact-green-share", getTranslation("impact.greenShare"), getTranslation("impact.percent",
                        now.greenSharePercent().toPlainString()), getTranslation("impact.greenSpend", "¥" + now.greenSpend().toPlainString(),
                        "¥" + now.spend().toPlainString())),
                new FigureCard("impact-all-time", getTranslation("impact.allTime"), texts.co2e(report.allTime().co2eGrams()),
                        getTranslation("impact.allTimePoints", report.allTime().greenPoints())));
        cards.addClassName("impact-cards");
        return cards;
    }

    /** "+12% on last year", "new this year" or nothing to compare. */
    private String change(long thisYear, long lastYear) {
        Long percent = ImpactReport.changePercent(thisYear, lastYear);
        if (percent == null) {
            return thisYear == 0 ? getTranslation("impact.nothingYet") : getTranslation("impact.firstYear");
        }
        return getTranslation(percent >= 0 ? "impact.up" : "impact.down", Math.abs(percent));
    }

    private Div equivalents(ImpactReport report) {
        long grams = report.thisYear().co2eGrams();
        Div equivalents = new TitledCard("impact-equivalents", getTranslation("impact.equivalents"));
        for (Equivalent equivalent : Equivalent.values()) {
            Paragraph line = new Paragraph(getTranslation("impact.equivalent." + equivalent.name(), texts.decimal(equivalent.of(grams), 1)));
            line.addClassName("impact-equivalent");
            equivalents.add(line);
        }
        return equivalents;
    }

    private Div monthly(ImpactReport report) {
        String svg = ImpactCharts.svg(ImpactCharts.monthlyCo2e(report, getLocale(), CHART_FONT), 720, 280);
        SvgImage chart = new SvgImage(svg, getTranslation("impact.chart.monthlyAlt", report.year(), texts.co2e(report.thisYear().co2eGrams())));
        chart.addClassName("impact-monthly-chart");
        return new TitledCard("impact-monthly", getTranslation("impact.monthly", getTranslation("impact.chart.kg")), chart);
    }

    private Div byMethod(ImpactReport report) {
        Div section = new TitledCard("impact-by-method", getTranslation("impact.byMethod", getTranslation("impact.chart.kg")));
        if (report.byMethod().isEmpty()) {
            section.add(new Paragraph(getTranslation("impact.noGreenYet")));
            return section;
        }
        String svg = ImpactCharts.svg(ImpactCharts.co2eByMethod(report.byMethod(), getLocale(), CHART_FONT),
                720, 60 + 36 * report.byMethod().size());
        SvgImage chart = new SvgImage(svg, getTranslation("impact.chart.methodAlt", report.year()));
        chart.addClassName("impact-method-chart");
        Grid<ImpactReport.MethodFigures> grid = new Grid<>();
        grid.addClassName("impact-method-grid");
        grid.addColumn(row -> row.method().name(getLocale())).setHeader(getTranslation("impact.method")).setFlexGrow(2);
        grid.addColumn(row -> "¥" + row.greenSpend().toPlainString()).setHeader(getTranslation("impact.greenSpendColumn"));
        grid.addColumn(row -> texts.co2e(row.co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        grid.setItems(report.byMethod());
        grid.setAllRowsVisible(true);
        section.add(chart, grid);
        return section;
    }

    private Div byMerchant(ImpactReport report) {
        Grid<ImpactReport.MerchantFigures> grid = new Grid<>();
        grid.addClassName("impact-merchant-grid");
        grid.addColumn(row -> row.merchant().name(getLocale())).setHeader(getTranslation("impact.merchant")).setFlexGrow(2);
        grid.addColumn(row -> "¥" + row.spend().toPlainString()).setHeader(getTranslation("impact.spendColumn"));
        grid.addColumn(row -> getTranslation("impact.percent", row.greenSharePercent().toPlainString())).setHeader(getTranslation("impact.greenShareShort"));
        grid.addColumn(row -> formats.number(row.greenPoints(), getLocale())).setHeader(getTranslation("impact.greenPoints"));
        grid.addColumn(row -> texts.co2e(row.co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        grid.setItems(report.byMerchant());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("impact.noPurchases"));
        return new TitledCard("impact-by-merchant", getTranslation("impact.byMerchant"), grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.member.impact");
    }
}
