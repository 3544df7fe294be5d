package org.evergreen.green;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.evergreen.green.ImpactReport.Figures;
import org.evergreen.green.MerchantGreenAnalytics.Period;
import org.evergreen.green.internal.MerchantAnalyticsQuery;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.security.CurrentUser;
import org.evergreen.shared.i18n.Translations;
import org.evergreen.shared.validation.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/** Merchants' green analytics: each merchant's staff see their own merchant's figures, and nobody else's. */
@Service
public class GreenAnalytics {

    /** The longest span a page or an export covers. */
    public static final int MAX_MONTHS = 24;
    private static final int TOP_PRODUCTS = 10;

    private final MerchantAnalyticsQuery query;
    private final GreenMethods methods;
    private final MerchantDirectory merchants;
    private final CurrentUser currentUser;
    private final Translations translations;
    private final Clock clock;
    private final ZoneId zone;

    GreenAnalytics(MerchantAnalyticsQuery query, GreenMethods methods, MerchantDirectory merchants, CurrentUser currentUser,
                   Translations translations, Clock clock, @Value("${evergreen.time-zone:Asia/Shanghai}") ZoneId zone) {
        this.query = query;
        this.methods = methods;
        this.merchants = merchants;
        this.currentUser = currentUser;
        this.translations = translations;
        this.clock = clock;
        this.zone = zone;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(zone));
    }

    /** The signed-in staff member's merchant's figures for the months {@code from} to {@code until}, both included. */
    @PreAuthorize("hasRole('MERCHANT')")
    public MerchantGreenAnalytics mine(YearMonth from, YearMonth until) {
        checkSpan(from, until);
        long merchantId = currentUser.merchantId();
        LocalDate start = from.atDay(1);
        LocalDate end = until.plusMonths(1).atDay(1);
        Map<Long, StoreSummary> stores = stores();
        List<Period> months = query.byPeriod(merchantId, start, end, false).stream().map(row -> new Period(row.start(), row.figures())).toList();
        List<Period> weeks = query.byPeriod(merchantId, start, end, true).stream().map(row -> new Period(row.start(), row.figures())).toList();
        Figures totals = months.stream().map(Period::figures).reduce(Figures.NONE, Figures::plus);
        Map<String, GreenMethod> byCode = methodsByCode();
        return new MerchantGreenAnalytics(from, until, totals, weeks, months,
                query.byStore(merchantId, start, end).stream().filter(row -> stores.containsKey(row.storeId()))
                        .map(row -> new MerchantGreenAnalytics.StoreFigures(stores.get(row.storeId()), row.figures())).toList(),
                query.byMethod(merchantId, start, end).stream().filter(row -> byCode.containsKey(row.methodCode()))
                        .map(row -> new MerchantGreenAnalytics.MethodFigures(byCode.get(row.methodCode()), row.units(), row.greenSpend(),
                                row.co2eGrams())).toList(),
                query.topProducts(merchantId, start, end, TOP_PRODUCTS).stream().filter(row -> byCode.containsKey(row.methodCode()))
                        .map(row -> new MerchantGreenAnalytics.ProductFigures(row.sku(), row.name(), byCode.get(row.methodCode()), row.units(),
                                row.greenSpend(), row.co2eGrams())).toList());
    }

    /**
     * The signed-in merchant's figures by store and day as CSV (UTF-8 with a byte-order mark, so that spreadsheet
     * programs read the Chinese), headed in the reader's language.
     */
    @PreAuthorize("hasRole('MERCHANT')")
    public void exportMine(YearMonth from, YearMonth until, Locale locale, Writer out) {
        checkSpan(from, until);
        long merchantId = currentUser.merchantId();
        Map<Long, StoreSummary> stores = stores();
        try {
            out.write('\uFEFF');
            CSVPrinter csv = CSVFormat.RFC4180.builder().setHeader(header(locale, "day", "store", "purchases", "spend", "greenSpend",
                    "greenShare", "greenPoints", "co2eKg")).get().print(out);
            query.storeDays(merchantId, from.atDay(1), until.plusMonths(1).atDay(1), row -> {
                StoreSummary store = stores.get(row.storeId());
                Figures figures = row.figures();
                try {
                    csv.printRecord(row.day(), store == null ? String.valueOf(row.storeId()) : store.name(locale), figures.purchases(),
                            figures.spend(), figures.greenSpend(), figures.greenSharePercent(), figures.greenPoints(),
                            BigDecimal.valueOf(figures.co2eGrams()).divide(BigDecimal.valueOf(1000), 3, RoundingMode.UNNECESSARY));
                } catch (IOException unwritable) {
                    throw new UncheckedIOException(unwritable);
                }
            });
            csv.flush();
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private String[] header(Locale locale, String... columns) {
        return Arrays.stream(columns).map(column -> translations.getTranslation("analytics.csv." + column, locale))
                .toArray(String[]::new);
    }

    private Map<Long, StoreSummary> stores() {
        return merchants.myStores().stream().collect(Collectors.toMap(StoreSummary::id, Function.identity()));
    }

    private Map<String, GreenMethod> methodsByCode() {
        return methods.published().stream().collect(Collectors.toMap(GreenMethod::code, Function.identity()));
    }

    private static void checkSpan(YearMonth from, YearMonth until) {
        if (from == null || until == null || until.isBefore(from)) {
            throw new InvalidInputException("until", "analytics.span.order");
        }
        if (from.plusMonths(MAX_MONTHS).isBefore(until.plusMonths(1))) {
            throw new InvalidInputException("until", "analytics.span.tooLong", MAX_MONTHS);
        }
    }
}
