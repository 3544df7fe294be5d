package org.evergreen.green;

import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.Region;

import java.time.YearMonth;
import java.util.List;

/**
 * Regional monitoring over whole months, from the aggregates the events keep: each district's figures, the same by
 * merchant category, and the month-by-month trend; active members are the members who bought in the district in the
 * last month of the span (or in each month, for a trend).
 *
 * @param points points issued by purchases in the district, net of those refunds took back
 */
public record RegionalFigures(YearMonth from, YearMonth until, Row totals, List<DistrictRow> districts, List<CategoryRow> categories,
                              List<MonthRow> months) {

    public record Row(Figures figures, long points, long activeMembers) {
    }

    public record DistrictRow(Region region, Row row) {
    }

    public record CategoryRow(MerchantCategory category, Row row) {
    }

    public record MonthRow(YearMonth month, Row row) {
    }
}
