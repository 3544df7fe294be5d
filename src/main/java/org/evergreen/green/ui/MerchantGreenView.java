package org.evergreen.green.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
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
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
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
    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> until = new Select<>();
    private final Div content = new Div();
    private final FormErrors errors = new FormErrors(this);

    MerchantGreenView(GreenAnalytics analytics, DisplayFormats formats) {
        this.analytics = analytics;
        this.formats = formats;
        this.texts = new GreenTexts(this, formats);
        addClassName("merchant-green-view");
        YearMonth now = analytics.currentMonth();
        List<YearMonth> months = new ArrayList<>();
        for (int back = 0; back < GreenAnalytics.MAX_MONTHS * 2; back++) {
            months.add(now.minusMonths(back));
        }
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale());
        for (Select<YearMonth> select : List.of(from, until)) {
            select.setItems(months);
            select.setItemLabelGenerator(monthFormat::format);
            select.addValueChangeListener(change -> {
                if (change.isFromClient()) {
                    show();
                }
            });
        }
        from.setLabel(getTranslation("analytics.from"));
        until.setLabel(getTranslation("analytics.until"));
        from.addClassName("analytics-from");
        until.addClassName("analytics-until");
        from.setValue(now.minusMonths(11));
        until.setValue(now);
        errors.field("until", until);
        content.setWidthFull();
        content.addClassName("analytics-content");
        add(new HorizontalLayout(from, until), content);
        show();
    }

    private void show() {
        errors.clear();
        content.removeAll();
        MerchantGreenAnalytics figures;
        try {
            figures = analytics.mine(from.getValue(), until.getValue());
        } catch (InvalidInputException refused) {
            errors.show(refused);
            return;
        }
        Figures totals = figures.totals();
        Div cards = new Div(card("analytics-green-share", getTranslation("impact.greenShare"),
                        getTranslation("impact.percent", totals.greenSharePercent().toPlainString()),
                        getTranslation("impact.greenSpend", "¥" + totals.greenSpend().toPlainString(), "¥" + totals.spend().toPlainString())),
                card("analytics-green-points", getTranslation("analytics.greenPointsIssued"), formats.number(totals.greenPoints(), getLocale()),
                        getTranslation("analytics.purchases", totals.purchases())),
                card("analytics-co2e", getTranslation("analytics.co2e"), texts.co2e(totals.co2eGrams()), ""));
        cards.addClassName("impact-cards");
        content.add(cards, csvLink(figures.from(), figures.until()),
                chart("analytics-weekly", getTranslation("analytics.weekly", getTranslation("impact.chart.kg")), figures.weeks(),
                        DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale())),
                chart("analytics-monthly", getTranslation("analytics.monthly", getTranslation("impact.chart.kg")), figures.months(),
                        DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale())),
                storeGrid(figures), methodGrid(figures), productGrid(figures));
    }

    private Div card(String className, String label, String value, String note) {
        Span labelSpan = new Span(label);
        labelSpan.addClassName("impact-card-label");
        Span valueSpan = new Span(value);
        valueSpan.addClassName("impact-card-value");
        Span noteSpan = new Span(note);
        noteSpan.addClassName("impact-card-note");
        Div card = new Div(labelSpan, valueSpan, noteSpan);
        card.addClassNames("card", "impact-card", className);
        return card;
    }

    private Div chart(String className, String title, List<Period> periods, DateTimeFormatter label) {
        Map<String, Double> values = new LinkedHashMap<>();
        periods.forEach(period -> values.put(label.format(period.start()), period.figures().co2eGrams() / 1_000.0));
        String svg = ImpactCharts.svg(ImpactCharts.bars(values, CHART_FONT), 720, 260);
        Image image = new Image("data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8)), title);
        image.addClassName("impact-monthly-chart");
        Div section = new Div(new H3(title), image);
        section.addClassNames("card", "impact-monthly", className);
        return section;
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
        return section("analytics-by-store", getTranslation("analytics.byStore"), grid);
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
        return section("analytics-by-method", getTranslation("analytics.byMethod"), grid);
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
        return section("analytics-top-products", getTranslation("analytics.topProducts"), grid);
    }

    private static Div section(String className, String title, Grid<?> grid) {
        Div section = new Div(new H3(title), grid);
        section.addClassNames("card", "impact-by-merchant", className);
        return section;
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
