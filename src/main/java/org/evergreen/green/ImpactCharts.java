package org.evergreen.green;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's charts, drawn on the server with JFreeChart: as SVG for the page, and on any {@link Graphics2D} for the
 * PDF, so both show the same figure. Labels come translated from the caller; the font is the caller's too, so a PDF can
 * draw with the font it embeds. No text is rotated: JFreeSVG draws rotated text as outlines from the server's fonts,
 * which a server without Chinese fonts cannot draw, while upright text stays text for the browser to render. The unit
 * goes in the chart's heading instead.
 */
public final class ImpactCharts {

    private static final Color LEAF = new Color(0x2e, 0x7d, 0x32);
    private static final Color GRID = new Color(0xe0, 0xe0, 0xe0);

    private ImpactCharts() {
    }

    /** CO₂e avoided per month of the report's year, in kilograms. */
    public static JFreeChart monthlyCo2e(ImpactReport report, Locale locale, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ImpactReport.MonthFigures month : report.months()) {
            data.addValue(month.figures().co2eGrams() / 1_000.0, "co2e", month.month().getMonth().getDisplayName(TextStyle.SHORT, locale));
        }
        return bars(data, font);
    }

    /** One bar per label, in the order given: figures by week or month, say. */
    public static JFreeChart bars(Map<String, Double> values, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((label, value) -> data.addValue(value, "value", label));
        return bars(data, font);
    }

    /** CO₂e avoided by each method in the report's year, in kilograms. */
    public static JFreeChart co2eByMethod(List<ImpactReport.MethodFigures> methods, Locale locale, Font font) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ImpactReport.MethodFigures method : methods) {
            data.addValue(method.co2eGrams() / 1_000.0, "co2e", method.method().name(locale));
        }
        JFreeChart chart = bars(data, font);
        ((CategoryPlot) chart.getPlot()).setOrientation(PlotOrientation.HORIZONTAL);
        return chart;
    }

    private static JFreeChart bars(DefaultCategoryDataset data, Font font) {
        CategoryAxis categories = new CategoryAxis();
        categories.setTickLabelFont(font);
        categories.setCategoryMargin(0.2);
        NumberAxis values = new NumberAxis();
        values.setTickLabelFont(font);
        values.setAutoRangeIncludesZero(true);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, LEAF);
        bars.setMaximumBarWidth(0.08);
        CategoryPlot plot = new CategoryPlot(data, categories, values, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(GRID);
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, font, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** The chart as an SVG document of this size. */
    public static String svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        chart.draw(svg, new Rectangle(0, 0, width, height));
        return svg.getSVGElement();
    }
}
