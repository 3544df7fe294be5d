package org.evergreen.green.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import org.evergreen.green.GreenAnalytics;
import org.evergreen.green.ImpactCharts;
import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.green.MerchantGreenAnalytics;
import org.evergreen.green.MerchantGreenAnalytics.Period;
import org.evergreen.security.Roles;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.SvgImage;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A merchant's green analytics: how much of its sales is green, the green points it issued and the CO₂e its customers
 * avoided, by week and month, store, kind of product and product; with the figures by store and day as CSV.
 */
@Route("merchant/green")
@Menu(title = "nav.merchant.green", order = 4.5, icon = "vaadin:sun-o")
@RolesAllowed(Roles.MERCHANT)
class MerchantGreenView extends VerticalLayout implements HasDynamicTitle {

    private static final Font CHART_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final GreenAnalytics analytics;
    private final DisplayFormats formats;
    private final GreenTexts texts;
    private final MonthSpan span;
    private final Div content = new Div();
    private final FormErrors errors = new FormErrors(this);

    MerchantGreenView(GreenAnalytics analytics, DisplayFormats formats) {
        this.analytics = analytics;
        this.formats = formats;
        this.texts = new GreenTexts(this, formats);
        addClassName("merchant-green-view");
        span = new MonthSpan(analytics.currentMonth(), "analytics", this::show);
        span.reportTo(errors);
        content.setWidthFull();
        content.addClassName("analytics-content");
        add(span, content);
        show();
    }

    private void show() {
        errors.clear();
        content.removeAll();
        MerchantGreenAnalytics figures;
        try {
            figures = analytics.mine(span.from(), span.until());
        } catch (InvalidInputException refused) {
            errors.show(refused);
            return;
        }
        Figures totals = figures.totals();
        Div cards = new Div(new FigureCard("analytics-green-share", getTranslation("impact.greenShare"),
                        getTranslation("impact.percent", totals.greenSharePercent().toPlainString()),
                        getTranslation("impact.greenSpend", "¥" + totals.greenSpend().toPlainString(), "¥" + totals.spend().toPlainString())),
                new FigureCard("analytics-green-points", getTranslation("analytics.greenPointsIssued"), formats.number(totals.greenPoints(), getLocale()),
                        getTranslation("analytics.purchases", totals.purchases())),
                new FigureCard("analytics-co2e", getTranslation("analytics.co2e"), texts.co2e(totals.co2eGrams()), ""));
        cards.addClassName("impact-cards");
        content.add(cards, csvLink(figures.from(), figures.until()),
                chart("analytics-weekly", getTranslation("analytics.weekly", getTranslation("impact.chart.kg")), figures.weeks(),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale())),
                chart("analytics-monthly", getTranslation("analytics.monthly", getTranslation("impact.chart.kg")), figures.months(),
                        DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale())),
                storeGrid(figures), methodGrid(figures), productGrid(figures));
    }

    private Div chart(String className, String title, List<Period> periods, DateTimeFormatter label) {
        Map<String, Double> values = new LinkedHashMap<>();
        periods.forEach(period -> values.put(label.format(period.start()), period.figures().co2eGrams() / 1_000.0));
        String svg = ImpactCharts.svg(ImpactCharts.bars(values, CHART_FONT), 720, 260);
        SvgImage image = new SvgImage(svg, title);
        image.addClassName("impact-monthly-chart");
        return new TitledCard(className, title, image);
    }

    private Div storeGrid(MerchantGreenAnalytics figures) {
        Grid<MerchantGreenAnalytics.StoreFigures> grid = new Grid<>();
        grid.addClassName("analytics-store-grid");
        grid.addColumn(row -> row.store().name(getLocale())).setHeader(getTranslation("analytics.store")).setFlexGrow(2);
        grid.addColumn(row -> formats.number(row.figures().purchases(), getLocale())).setHeader(getTranslation("analytics.purchaseCount"));
        grid.addColumn(row -> "¥" + row.figures().spend().toPlainString()).setHeader(getTranslation("impact.spendColumn"));
        grid.addColumn(row -> getTranslation("impact.percent", row.figures().greenSharePercent().toPlainString()))
                .setHeader(getTranslation("impact.greenShareShort"));
        grid.addColumn(row -> formats.number(row.figures().greenPoints(), getLocale())).setHeader(getTranslation("impact.greenPoints"));
        grid.addColumn(row -> texts.co2e(row.figures().co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        grid.setItems(figures.byStore());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("analytics.none"));
        return new TitledCard("analytics-by-store", getTranslation("analytics.byStore"), grid);
    }

    private Div methodGrid(MerchantGreenAnalytics figures) {
        Grid<MerchantGreenAnalytics.MethodFigures> grid = new Grid<>();
        grid.addClassName("analytics-method-grid");
        grid.addColumn(row -> row.method().name(getLocale())).setHeader(getTranslation("impact.method")).setFlexGrow(2);
        grid.addColumn(row -> formats.number(row.units(), getLocale())).setHeader(getTranslation("analytics.units"));
        grid.addColumn(row -> "¥" + row.greenSpend().toPlainString()).setHeader(getTranslation("impact.greenSpendColumn"));
        grid.addColumn(row -> texts.co2e(row.co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        grid.setItems(figures.byMethod());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("analytics.none"));
        return new TitledCard("analytics-by-method", getTranslation("analytics.byMethod"), grid);
    }

    private Div productGrid(MerchantGreenAnalytics figures) {
        Grid<MerchantGreenAnalytics.ProductFigures> grid = new Grid<>();
        grid.addClassName("analytics-product-grid");
        grid.addColumn(MerchantGreenAnalytics.ProductFigures::name).setHeader(getTranslation("analytics.product")).setFlexGrow(2);
        grid.addColumn(MerchantGreenAnalytics.ProductFigures::sku).setHeader(getTranslation("analytics.sku"));
        grid.addColumn(row -> row.method().name(getLocale())).setHeader(getTranslation("impact.method"));
        grid.addColumn(row -> formats.number(row.units(), getLocale())).setHeader(getTranslation("analytics.units"));
        grid.addColumn(row -> "¥" + row.greenSpend().toPlainString()).setHeader(getTranslation("impact.greenSpendColumn"));
        grid.addColumn(row -> texts.co2e(row.co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
        grid.setItems(figures.topProducts());
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("analytics.none"));
        return new TitledCard("analytics-top-products", getTranslation("analytics.topProducts"), grid);
    }

    /** The figures by store and day as CSV, for the months shown, made when the link is followed. */
    private Anchor csvLink(YearMonth first, YearMonth last) {
        Locale locale = getLocale();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            StringWriter csv = new StringWriter();
            analytics.exportMine(first, last, locale, csv);
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "evergreen-green-" + first + "-" + last + ".csv",
                    "text/csv; charset=UTF-8", bytes.length);
        }), getTranslation("analytics.csv"));
        link.addClassName("analytics-csv");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.merchant.green");
    }
}
