package org.evergreen.green;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.green.RegionalFigures.Row;
import org.evergreen.green.internal.RegionalQuery;
import org.evergreen.green.internal.RegionalQuery.Grouping;
import org.evergreen.merchant.AdministrativeRegions;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.Region;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.validation.InvalidInputException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Regional monitoring for the platform's admins and the regulator: districts, merchant categories and trends. */
@Service
public class RegionalMonitoring {

    private final RegionalQuery query;
    private final Translations translations;
    private final Clock clock;
    private final ZoneId zone;

    private final CurrentUser currentUser;

    RegionalMonitoring(RegionalQuery query, Translations translations, CurrentUser currentUser, Clock clock,
                       @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.query = query;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
        this.zone = zone;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /**
     * Every district's figures for the months {@code from} to {@code until}, or one district's when {@code regionCode}
     * names it; a regulator limited to districts sees those districts only.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public RegionalFigures figures(YearMonth from, YearMonth until, @Nullable String regionCode) {
        if (from == null || until == null || until.isBefore(from)) {
            throw new InvalidInputException("until", "analytics.span.order");
        }
        if (from.plusMonths(GreenAnalytics.MAX_MONTHS).isBefore(until.plusMonths(1))) {
            throw new InvalidInputException("until", "analytics.span.tooLong", GreenAnalytics.MAX_MONTHS);
        }
        if (regionCode != null && district(regionCode).isEmpty()) {
            throw new InvalidInputException("region", "store.regionUnknown");
        }
        Optional<Set<String>> supervised = currentUser.supervisedRegions();
        if (regionCode != null && supervised.isPresent() && !supervised.get().contains(regionCode)) {
            throw new AccessDeniedException("District outside those this regulator supervises");
        }
        @Nullable Set<String> regions = regionCode != null ? Set.of(regionCode) : supervised.orElse(null);
        LocalDate start = from.atDay(1);
        LocalDate end = until.atDay(1);
        Map<String, Long> activeByDistrict = query.activeMembersByDistrict(until.atDay(1));
        Map<LocalDate, Long> activeByMonth = query.activeMembersByMonth(start, until.atDay(1), regions);
        List<RegionalFigures.DistrictRow> districts = query.sums(Grouping.DISTRICT, start, end, regions).stream()
                .flatMap(row -> district(row.key()).stream().map(region -> new RegionalFigures.DistrictRow(region,
                        new Row(row.figures(), row.points(), activeByDistrict.getOrDefault(row.key(), 0L))))).toList();
        List<RegionalFigures.CategoryRow> categories = query.sums(Grouping.CATEGORY, start, end, regions).stream()
                .map(row -> new RegionalFigures.CategoryRow(MerchantCategory.valueOf(row.key()), new Row(row.figures(), row.points(), 0))).toList();
        List<RegionalFigures.MonthRow> months = query.sums(Grouping.MONTH, start, end, regions).stream().map(row -> {
            YearMonth month = YearMonth.parse(row.key());
            return new RegionalFigures.MonthRow(month, new Row(row.figures(), row.points(), activeByMonth.getOrDefault(month.atDay(1), 0L)));
        }).toList();
        Figures total = months.stream().map(month -> month.row().figures()).reduce(Figures.NONE, Figures::plus);
        long points = months.stream().mapToLong(month -> month.row().points()).sum();
        long active = regionCode == null ? activeByMonth.getOrDefault(until.atDay(1), 0L) : activeByDistrict.getOrDefault(regionCode, 0L);
        return new RegionalFigures(from, until, new Row(total, points, active), districts, categories, months);
    }

    /** A district of the list, or the stand-in for stores not placed yet. */
    private static Optional<Region> district(String code) {
        return Region.UNPLACED.equals(code) ? Optional.of(Region.unplaced()) : AdministrativeRegions.byCode(code);
    }

    /** Each district's figures month by month, as CSV (UTF-8 with a byte-order mark), headed in the reader's language. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public void export(YearMonth from, YearMonth until, Locale locale, Writer out) {
        List<RegionalFigures.DistrictRow> districts = figures(from, until, null).districts();
        try {
            out.write('\uFEFF');
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(Arrays.stream(new String[]{"regionCode", "district", "month",
                    "activeMembers", "purchases", "spend", "points", "greenSpend", "greenShare", "greenPoints", "co2eKg"})
                    .map(column -> translations.getTranslation("regions.csv." + column, locale)).toArray(String[]::new)).get().print(out);
            for (RegionalFigures.DistrictRow district : districts) {
                Region region = district.region();
                for (RegionalFigures.MonthRow month : figures(from, until, region.code()).months()) {
                    Figures figures = month.row().figures();
                    csv.printRecord(region.code(), region.name(locale), month.month(), month.row().activeMembers(), figures.purchases(),
                            figures.spend(), month.row().points(), figures.greenSpend(), figures.greenSharePercent(), figures.greenPoints(),
                            BigDecimal.valueOf(figures.co2eGrams()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY));
                }
            }
            csv.flush();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
