package org.evergreen.green;

import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.merchant.StoreSummary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A merchant's green analytics over whole months, from the aggregates the events keep: the totals, trends by week and
 * by month, and the figures of each store, each kind of green product (method) and the top green products.
 */
public record MerchantGreenAnalytics(YearMonth from, YearMonth until, Figures totals, List<Period> weeks, List<Period> months,
                                     List<StoreFigures> byStore, List<MethodFigures> byMethod, List<ProductFigures> topProducts) {

    /** A week (from its Monday) or a month (from its first day). */
    public record Period(LocalDate start, Figures figures) {
    }

    public record StoreFigures(StoreSummary store, Figures figures) {
    }

    public record MethodFigures(GreenMethod method, long units, BigDecimal greenSpend, long co2eGrams) {
    }

    public record ProductFigures(String sku, String name, GreenMethod method, long units, BigDecimal greenSpend, long co2eGrams) {
    }
}
