package org.evergreen.green;

import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.green.ImpactReport.MonthFigures;
import org.evergreen.green.internal.ImpactQuery;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.PublicMerchant;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Members' environmental-impact reports, each member their own only. */
@Service
public class GreenReports {

    private final ImpactQuery query;
    private final GreenMethods methods;
    private final MerchantDirectory merchants;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ZoneId zone;

    GreenReports(ImpactQuery query, GreenMethods methods, MerchantDirectory merchants, CurrentUser currentUser, Clock clock,
                 @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.query = query;
        this.methods = methods;
        this.merchants = merchants;
        this.currentUser = currentUser;
        this.clock = clock;
        this.zone = zone;
    }

    /** The current year in the platform's time zone. */
    public int currentYear() {
        return Year.now(clock.withZone(zone)).getValue();
    }

    /** The signed-in member's report for a year. */
    @PreAuthorize("hasRole('MEMBER')")
    public ImpactReport myReport(int year) {
        return reportOf(currentUser.require(Role.MEMBER).id(), year);
    }

    ImpactReport reportOf(long memberId, int year) {
        Map<YearMonth, Figures> stored = query.months(memberId, YearMonth.of(year - 1, 1), YearMonth.of(year, 12));
        List<MonthFigures> months = new ArrayList<>();
        Figures thisYear = Figures.NONE;
        Figures lastYear = Figures.NONE;
        for (var month : stored.entrySet()) {
            if (month.getKey().getYear() == year) {
                thisYear = thisYear.plus(month.getValue());
            } else {
                lastYear = lastYear.plus(month.getValue());
            }
        }
        for (int month = 1; month <= 12; month++) {
            YearMonth key = YearMonth.of(year, month);
            months.add(new MonthFigures(key, stored.getOrDefault(key, Figures.NONE)));
        }
        Map<String, GreenMethod> byCode = methods.published().stream().collect(Collectors.toMap(GreenMethod::code, Function.identity()));
        List<ImpactReport.MethodFigures> byMethod = query.methods(memberId, year).stream()
                .filter(row -> byCode.containsKey(row.methodCode()))
                .map(row -> new ImpactReport.MethodFigures(byCode.get(row.methodCode()), row.greenSpend(), row.co2eGrams())).toList();
        List<ImpactQuery.MerchantRow> merchantRows = query.merchants(memberId, year);
        Map<Long, PublicMerchant> names = merchants.publicMerchants(merchantRows.stream().map(ImpactQuery.MerchantRow::merchantId).toList());
        List<ImpactReport.MerchantFigures> byMerchant = merchantRows.stream().filter(row -> names.containsKey(row.merchantId()))
                .map(row -> new ImpactReport.MerchantFigures(names.get(row.merchantId()), row.spend(), row.greenSpend(), row.greenPoints(),
                        row.co2eGrams())).toList();
        List<Integer> years = new ArrayList<>(query.years(memberId));
        if (!years.contains(year)) {
            years.add(year);
            years.sort((a, b) -> b - a);
        }
        return new ImpactReport(year, thisYear, lastYear, query.allTime(memberId), months, byMethod, byMerchant, List.copyOf(years));
    }
}
