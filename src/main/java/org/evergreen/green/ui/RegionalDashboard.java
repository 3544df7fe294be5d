package org.evergreen.green.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import org.evergreen.green.ImpactCharts;
import org.evergreen.green.RegionalFigures;
import org.evergreen.green.RegionalFigures.Row;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.ui.SvgImage;
import org.evergreen.shared.ui.FormErrors;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;

import java.awt.Font;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The regional dashboard, the same for the regulator and the platform's admins: every district's active members,
 * purchases, points issued, green share and CO₂e over the chosen months, the same by merchant category, and a district's
 * trend month by month when one is chosen; with a CSV of every district by month.
 */
abstract class RegionalDashboard extends VerticalLayout implements HasDynamicTitle {

    private static final Font CHART_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final RegionalMonitoring monitoring;
    private final DisplayFormats formats;
    private final GreenTexts texts;
    private final MonthSpan span;
    private final Div content = new Div();
    private final Div district = new Div();
    private final FormErrors errors = new FormErrors(this);

    RegionalDashboard(RegionalMonitoring monitoring, DisplayFormats formats) {
        this.monitoring = monitoring;
        this.formats = formats;
        this.texts = new GreenTexts(this, formats);
        addClassName("regional-dashboard");
        span = new MonthSpan(monitoring.currentMonth(), "regions", this::show);
        span.reportTo(errors);
        content.setWidthFull();
        district.setWidthFull();
        district.addClassName("regions-district");
        add(new Paragraph(getTranslation("regions.intro")), span, content, district);
        show();
    }

    private void show() {
        errors.clear();
        content.removeAll();
        district.removeAll();
        RegionalFigures figures;
        try {
            figures = monitoring.figures(span.from(), span.until(), null);
        } catch (InvalidInputException refused) {
            errors.show(refused);
            return;
        }
        Row totals = figures.totals();
        Div cards = new Div(
                new FigureCard("regions-active", getTranslation("regions.activeMembers"), formats.number(totals.activeMembers(), getLocale()), ""),
                new FigureCard("regions-purchases", getTranslation("analytics.purchaseCount"),
                        formats.number(totals.figures().purchases(), getLocale()), ""),
                new FigureCard("regions-points", getTranslation("regions.points"), formats.number(totals.points(), getLocale()), ""),
                new FigureCard("regions-green-share", getTranslation("impact.greenShare"),
                        getTranslation("impact.percent", totals.figures().greenSharePercent().toPlainString()), ""),
                new FigureCard("regions-co2e", getTranslation("impact.co2e"), texts.co2e(totals.figures().co2eGrams()), ""));
        cards.addClassName("impact-cards");

        Grid<RegionalFigures.DistrictRow> districts = new Grid<>();
        districts.addClassName("regions-district-grid");
        districts.addColumn(row -> row.region().name(getLocale())).setHeader(getTranslation("store.region")).setFlexGrow(2);
        districts.addColumn(row -> row.region().code()).setHeader(getTranslation("regions.code")).setAutoWidth(true);
        addFigureColumns(districts, RegionalFigures.DistrictRow::row, true);
        districts.setItems(figures.districts());
        districts.setAllRowsVisible(true);
        districts.setEmptyStateText(getTranslation("analytics.none"));
        districts.asSingleSelect().addValueChangeListener(change -> showDistrict(change.getValue()));

        Grid<RegionalFigures.CategoryRow> categories = new Grid<>();
        categories.addClassName("regions-category-grid");
        categories.addColumn(row -> getTranslation("merchant.category." + row.category().name())).setHeader(getTranslation("merchant.category"))
                .setFlexGrow(2);
        addFigureColumns(categories, RegionalFigures.CategoryRow::row, false);
        categories.setItems(figures.categories());
        categories.setAllRowsVisible(true);
        categories.setEmptyStateText(getTranslation("analytics.none"));

        content.add(cards, csvLink(figures.from(), figures.until()), trend(getTranslation("regions.trend"), figures),
                new TitledCard("regions-by-district", getTranslation("regions.byDistrict"), districts),
                new TitledCard("regions-by-category", getTranslation("regions.byCategory"), categories));
    }

    private void showDistrict(RegionalFigures.@Nullable DistrictRow row) {
        district.removeAll();
        if (row == null) {
            return;
        }
        RegionalFigures figures = monitoring.figures(span.from(), span.until(), row.region().code());
        Grid<RegionalFigures.MonthRow> months = new Grid<>();
        months.addClassName("regions-month-grid");
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale());
        months.addColumn(month -> monthFormat.format(month.month())).setHeader(getTranslation("regions.month"));
        addFigureColumns(months, RegionalFigures.MonthRow::row, true);
        months.setItems(figures.months());
        months.setAllRowsVisible(true);
        Grid<RegionalFigures.CategoryRow> categories = new Grid<>();
        categories.addClassName("regions-district-category-grid");
        categories.addColumn(category -> getTranslation("merchant.category." + category.category().name()))
                .setHeader(getTranslation("merchant.category")).setFlexGrow(2);
        addFigureColumns(categories, RegionalFigures.CategoryRow::row, false);
        categories.setItems(figures.categories());
        categories.setAllRowsVisible(true);
        district.add(trend(getTranslation("regions.districtTrend", row.region().name(getLocale())), figures),
                new TitledCard("regions-district-months", getTranslation("regions.byMonth", row.region().name(getLocale())), months),
                new TitledCard("regions-district-categories", getTranslation("regions.byCategory"), categories));
    }

    private <T> void addFigureColumns(Grid<T> grid, Function<T, Row> row, boolean withActiveMembers) {
        if (withActiveMembers) {
            grid.addColumn(item -> formats.number(row.apply(item).activeMembers(), getLocale())).setHeader(getTranslation("regions.activeMembers"));
        }
        grid.addColumn(item -> formats.number(row.apply(item).figures().purchases(), getLocale())).setHeader(getTranslation("analytics.purchaseCount"));
        grid.addColumn(item -> "¥" + row.apply(item).figures().spend().toPlainString()).setHeader(getTranslation("impact.spendColumn"));
        grid.addColumn(item -> formats.number(row.apply(item).points(), getLocale())).setHeader(getTranslation("regions.points"));
        grid.addColumn(item -> getTranslation("impact.percent", row.apply(item).figures().greenSharePercent().toPlainString()))
                .setHeader(getTranslation("impact.greenShareShort"));
        grid.addColumn(item -> texts.co2e(row.apply(item).figures().co2eGrams())).setHeader(getTranslation("impact.co2eColumn"));
    }

    private Div trend(String title, RegionalFigures figures) {
        DateTimeFormatter monthFormat = DateTimeFormatter.ofPattern(getTranslation("analytics.monthPattern"), getLocale());
        Map<String, Double> values = new LinkedHashMap<>();
        figures.months().forEach(month -> values.put(monthFormat.format(month.month()), month.row().figures().co2eGrams() / 1_000.0));
        String svg = ImpactCharts.svg(ImpactCharts.bars(values, CHART_FONT), 720, 240);
        String heading = getTranslation("regions.chartTitle", title, getTranslation("impact.chart.kg"));
        SvgImage chart = new SvgImage(svg, heading);
        chart.addClassName("impact-monthly-chart");
        return new TitledCard("impact-monthly", heading, chart);
    }

    private Anchor csvLink(YearMonth first, YearMonth last) {
        Locale locale = getLocale();
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            StringWriter csv = new StringWriter();
            monitoring.export(first, last, locale, csv);
            byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "evergreen-regions-" + first + "-" + last + ".csv",
                    "text/csv; charset=UTF-8", bytes.length);
        }), getTranslation("regions.csv"));
        link.addClassName("regions-csv");
        return link;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.regions");
    }
}
