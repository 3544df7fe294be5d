package org.evergreen.bench;

import org.evergreen.bench.BenchFixtures.Buyers;
import org.evergreen.earning.Purchases;
import org.evergreen.green.GreenAnalytics;
import org.evergreen.green.GreenReports;
import org.evergreen.green.ImpactReportPdfs;
import org.evergreen.green.RegionalMonitoring;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import static org.evergreen.bench.BenchSupport.percentile;
import static org.evergreen.bench.BenchSupport.report;

/**
 * The green reports at the volume of 1,000,000 purchases (3 lines, 30 % green) by 100,000 members at 20 merchants
 * (10 stores each) in 50 districts over a year, and what following the purchases costs the till's write path.
 *
 * <p>The reports read only the aggregates that the events keep, so the volume is written straight into those tables
 * by SQL (from MariaDB's sequence tables), row counts as 1,000,000 purchases leave them: a member buys in 8 months of
 * 12, at 3 merchants, under 2 methods. Then each page's service call is timed (the server's time), and purchases are
 * posted through the service with the green listener running and, in a second application, without it.
 */
class GreenBenchmark {

    private static final int PURCHASES = 1_000_000;
    private static final int MEMBERS = 100_000;
    private static final int MERCHANTS = 20;
    private static final int STORES_PER_MERCHANT = 10;
    private static final int DISTRICTS = 50;
    private static final int SKUS_PER_MERCHANT = 300;
    private static final int RUNS = 40;
    private static final int BUYERS = 5_000;
    private static final String[] METHODS = {"appliance-class1", "led-lighting", "refill-bulk", "second-hand", "public-transport",
            "hotel-no-linen", "local-produce"};

    private final AtomicLong receipts = new AtomicLong();

    @Test
    void green() throws Exception {
        double withListeners;
        try (ConfigurableApplicationContext app = BenchSupport.startApplication("green",
                "evergreen.till-api.rate-limit.capacity=100000000", "evergreen.till-api.rate-limit.refill-per-second=100000000")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long merchantId = BenchFixtures.merchant(app, "基准绿色便利", "91310000MA1888888");
            int year = app.getBean(GreenReports.class).currentYear();
            long seedStart = System.nanoTime();
            seed(jdbc, merchantId, year);
            report("green.seed.seconds", BenchSupport.seconds(seedStart), "s");
            report("green.rows.green_purchase", count(jdbc, "green_purchase"), "rows");
            report("green.rows.green_member_month", count(jdbc, "green_member_month"), "rows");
            report("green.rows.green_region_member_month", count(jdbc, "green_region_member_month"), "rows");
            report("green.rows.green_region_month", count(jdbc, "green_region_month"), "rows");

            GreenReports reports = app.getBean(GreenReports.class);
            ImpactReportPdfs pdfs = app.getBean(ImpactReportPdfs.class);
            long firstMember = jdbc.sql("SELECT MIN(member_id) FROM green_member_month").query(Long.class).single();
            time("green.member_report", i -> BenchFixtures.as(member(firstMember + i * 997 % MEMBERS), () -> reports.myReport(year)));
            time("green.member_report_pdf", i -> BenchFixtures.as(member(firstMember + i * 997 % MEMBERS), () -> pdfs.myReport(year, Locale.SIMPLIFIED_CHINESE)));
            GreenAnalytics analytics = app.getBean(GreenAnalytics.class);
            YearMonth now = analytics.currentMonth();
            EvergreenUser staff = new EvergreenUser(-1, "bench.owner", "店主", "", Role.MERCHANT, merchantId, null, true, null);
            time("green.merchant_analytics_12_months", i -> BenchFixtures.as(staff, () -> analytics.mine(now.minusMonths(11), now)));
            RegionalMonitoring monitoring = app.getBean(RegionalMonitoring.class);
            EvergreenUser regulator = new EvergreenUser(-2, "bench.regulator", "监管", "", Role.REGULATOR, null, null, true, null);
            time("green.regional_dashboard_12_months", i -> BenchFixtures.as(regulator, () -> monitoring.figures(now.minusMonths(11), now, null)));
            time("green.regional_district_12_months", i -> BenchFixtures.as(regulator, () -> monitoring.figures(now.minusMonths(11), now, "310115")));

            Buyers buyers = BenchFixtures.buyers(app, jdbc, BUYERS);
            lag(app, jdbc, buyers, 100, Duration.ofSeconds(15));
            lag(app, jdbc, buyers, 500, Duration.ofSeconds(15));
            withListeners = BenchFixtures.serviceLoop(app, buyers, 16, receipts, Duration.ofSeconds(15));
            report("green.purchases_service.with_listeners.threads16", withListeners, "per_s");
        }
        try (ConfigurableApplicationContext app = BenchSupport.startApplication("green-without-listeners", "evergreen.green.listening=false",
                "evergreen.till-api.rate-limit.capacity=100000000", "evergreen.till-api.rate-limit.refill-per-second=100000000")) {
            BenchFixtures.merchant(app, "基准绿色便利", "91310000MA1888888");
            Buyers buyers = BenchFixtures.buyers(app, app.getBean(JdbcClient.class), BUYERS);
            BenchFixtures.serviceLoop(app, buyers, 16, receipts, Duration.ofSeconds(5));
            double without = BenchFixtures.serviceLoop(app, buyers, 16, receipts, Duration.ofSeconds(15));
            report("green.purchases_service.without_listeners.threads16", without, "per_s");
            report("green.purchases_service.slowdown_with_listeners", (1 - withListeners / without) * 100, "percent");
        }
    }

    /** The aggregates of a year's 1,000,000 purchases, written by SQL; the measured merchant is merchant 1 of 20. */
    private static void seed(JdbcClient jdbc, long merchantId, int year) {
        List<Long> storeIds = jdbc.sql("SELECT id FROM merchant_store WHERE merchant_id = ? ORDER BY id").param(merchantId).query(Long.class).list();
        long firstMember = 50_000_000;
        jdbc.sql("""
                INSERT INTO green_purchase (purchase_id, member_id, merchant_id, store_id, region_code, merchant_category, month, purchased_on,
                                            total, amount_left, green_points, green_points_left)
                SELECT 90000000 + seq, %d + seq %% %d, ?, ?, '310115', 'CONVENIENCE_STORE', MAKEDATE(%d, 1) + INTERVAL (seq %% 12) MONTH,
                       MAKEDATE(%d, 1) + INTERVAL (seq %% 365) DAY, 31.50, 31.50, 19, 19
                FROM seq_1_to_%d""".formatted(firstMember, MEMBERS, year, year, PURCHASES))
                .params(merchantId, storeIds.getFirst()).update();
        // A member buys in 8 months of 12 (10 purchases a year), under 2 methods, at 3 merchants, in one district.
        jdbc.sql("""
                INSERT INTO green_member_month (member_id, month, purchases, spend, green_spend, green_points, co2e_grams)
                SELECT %d + m.seq, MAKEDATE(%d, 1) + INTERVAL (mo.seq - 1) MONTH, 1 + (m.seq + mo.seq) %% 2, 39.40, 11.80, 12, 1850
                FROM seq_0_to_%d m JOIN seq_1_to_12 mo ON (m.seq + mo.seq) %% 3 <> 0""".formatted(firstMember, year, MEMBERS - 1)).update();
        jdbc.sql("""
                INSERT INTO green_member_year_method (member_id, year, method_code, green_spend, co2e_grams)
                SELECT %d + m.seq, %d, ELT(1 + (m.seq + k.seq) %% 7, %s), 47.20, 7400
                FROM seq_0_to_%d m JOIN seq_0_to_1 k""".formatted(firstMember, year, quoted(METHODS), MEMBERS - 1)).update();
        jdbc.sql("""
                INSERT INTO green_member_year_merchant (member_id, year, merchant_id, spend, green_spend, green_points, co2e_grams)
                SELECT %d + m.seq, %d, IF(k.seq = 0, ?, 1000 + (m.seq + k.seq) %% %d), 105.07, 31.47, 32, 4933
                FROM seq_0_to_%d m JOIN seq_0_to_2 k""".formatted(firstMember, year, MERCHANTS - 1, MEMBERS - 1)).param(merchantId).update();
        // Stores' days: the measured merchant's 10 stores and 190 others, every day of the year.
        List<String> stores = new ArrayList<>();
        storeIds.forEach(id -> stores.add("SELECT " + merchantId + " AS merchant_id, " + id + " AS store_id"));
        jdbc.sql("CREATE TEMPORARY TABLE bench_store (merchant_id BIGINT, store_id BIGINT)").update();
        jdbc.sql("INSERT INTO bench_store " + String.join(" UNION ALL ", stores)).update();
        jdbc.sql("INSERT INTO bench_store SELECT 1000 + seq DIV %d, 100000 + seq FROM seq_0_to_%d"
                .formatted(STORES_PER_MERCHANT, (MERCHANTS - 1) * STORES_PER_MERCHANT - 1)).update();
        jdbc.sql("""
                INSERT INTO green_store_day (merchant_id, store_id, day, purchases, spend, green_spend, green_points, co2e_grams)
                SELECT s.merchant_id, s.store_id, MAKEDATE(%d, 1) + INTERVAL d.seq DAY, 14, 441.00, 132.30, 132, 20720
                FROM bench_store s JOIN seq_0_to_364 d""".formatted(year)).update();
        jdbc.sql("""
                INSERT INTO green_store_method_month (merchant_id, store_id, month, method_code, units, green_spend, co2e_grams)
                SELECT s.merchant_id, s.store_id, MAKEDATE(%d, 1) + INTERVAL (mo.seq - 1) MONTH, ELT(1 + k.seq, %s), 60, 567.00, 88800
                FROM bench_store s JOIN seq_1_to_12 mo JOIN seq_0_to_6 k""".formatted(year, quoted(METHODS))).update();
        jdbc.sql("""
                INSERT INTO green_product_month (merchant_id, month, sku, method_code, name, units, green_spend, co2e_grams)
                SELECT DISTINCT s.merchant_id, MAKEDATE(%d, 1) + INTERVAL (mo.seq - 1) MONTH, CONCAT('SKU-', p.seq), ELT(1 + p.seq %% 7, %s),
                       CONCAT('绿色商品 ', p.seq), 10 + p.seq %% 17, 95.00, 14000 + p.seq
                FROM (SELECT DISTINCT merchant_id FROM bench_store) s JOIN seq_1_to_12 mo JOIN seq_1_to_%d p"""
                .formatted(year, quoted(METHODS), SKUS_PER_MERCHANT)).update();
        // 50 districts of Beijing, Shanghai and Guangdong, 7 categories, every month; each member buys in one district.
        List<String> districts = districtCodes();
        jdbc.sql("CREATE TEMPORARY TABLE bench_district (region_code CHAR(6))").update();
        jdbc.sql("INSERT INTO bench_district VALUES " + String.join(", ", districts.stream().map(code -> "('" + code + "')").toList())).update();
        jdbc.sql("""
                INSERT INTO green_region_month (region_code, month, merchant_category, purchases, spend, green_spend, points, green_points,
                                                co2e_grams)
                SELECT r.region_code, MAKEDATE(%d, 1) + INTERVAL (mo.seq - 1) MONTH,
                       ELT(1 + c.seq, 'HOTEL', 'STATIONERY', 'HOME_TEXTILE', 'CONVENIENCE_STORE', 'RAILWAY', 'GREEN_APPLIANCE', 'OTHER'),
                       238, 7497.00, 2249.10, 9848, 2261, 352240
                FROM bench_district r JOIN seq_1_to_12 mo JOIN seq_0_to_6 c""".formatted(year)).update();
        jdbc.sql("""
                INSERT INTO green_region_member_month (region_code, month, member_id)
                SELECT ELT(1 + m.seq %% %d, %s), MAKEDATE(%d, 1) + INTERVAL (mo.seq - 1) MONTH, %d + m.seq
                FROM seq_0_to_%d m JOIN seq_1_to_12 mo ON (m.seq + mo.seq) %% 3 <> 0"""
                .formatted(DISTRICTS, quoted(districts.toArray(String[]::new)), year, firstMember, MEMBERS - 1)).update();
        jdbc.sql("""
                INSERT INTO green_member_active_month (month, member_id) SELECT month, member_id FROM green_region_member_month""").update();
        jdbc.sql("""
                INSERT INTO green_region_active (region_code, month, members)
                SELECT region_code, month, COUNT(*) FROM green_region_member_month GROUP BY region_code, month""").update();
        jdbc.sql("INSERT INTO green_month_active (month, members) SELECT month, COUNT(*) FROM green_member_active_month GROUP BY month").update();
        jdbc.sql("ANALYZE TABLE green_member_month, green_member_year_method, green_member_year_merchant, green_store_day, "
                + "green_store_method_month, green_product_month, green_region_month, green_region_member_month, green_region_active, "
                + "green_member_active_month, green_month_active").query().listOfRows();
    }

    private static List<String> districtCodes() {
        List<String> codes = new ArrayList<>();
        for (var region : org.evergreen.merchant.AdministrativeRegions.districts()) {
            if (codes.size() < DISTRICTS && List.of("31", "44", "11").contains(region.code().substring(0, 2))) {
                codes.add(region.code());
            }
        }
        return codes;
    }

    private static String quoted(String[] values) {
        return String.join(", ", java.util.Arrays.stream(values).map(value -> "'" + value + "'").toList());
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @FunctionalInterface
    private static EvergreenUser member(long id) {
        return new EvergreenUser(id, "bench" + id, "会员", "", Role.MEMBER, null, null, true, null);
    }

    private interface Call {
        Object run(int iteration) throws Exception;
    }

    /** Median and p95 of 40 calls, after 5 unmeasured ones. */
    private static void time(String metric, Call call) throws Exception {
        for (int i = 0; i < 5; i++) {
            call.run(i);
        }
        long[] nanos = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            call.run(i + 5);
            nanos[i] = System.nanoTime() - start;
        }
        report(metric + ".p50", percentile(nanos, 50), "ms");
        report(metric + ".p95", percentile(nanos, 95), "ms");
    }

    /**
     * Purchases at a steady {@code rate} for {@code duration}; for each, the time from its commit (the service's return)
     * until the green aggregates include it (its green_purchase row, written in the same transaction as the aggregates).
     */
    private void lag(ConfigurableApplicationContext app, JdbcClient jdbc, Buyers buyers, double rate, Duration duration) throws Exception {
        Purchases purchases = app.getBean(Purchases.class);
        Map<Long, Long> committed = new ConcurrentHashMap<>();
        Map<Long, Long> counted = new ConcurrentHashMap<>();
        long total = (long) (rate * duration.toSeconds());
        ExecutorService pool = Executors.newFixedThreadPool(32);
        long start = System.nanoTime();
        long highest = jdbc.sql("SELECT COALESCE(MAX(purchase_id), 0) FROM green_purchase WHERE purchase_id < 90000000").query(Long.class).single();
        // Counted: claimed by the listener and folded into the aggregates (its contribution gone).
        Thread poller = Thread.ofPlatform().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                List<Long> arrived = jdbc.sql("""
                                SELECT p.purchase_id FROM green_purchase p
                                LEFT JOIN green_contribution c ON c.purchase_id = p.purchase_id AND c.refund_id IS NULL
                                WHERE p.purchase_id > ? AND p.purchase_id < 90000000 AND c.id IS NULL""")
                        .param(highest).query(Long.class).list();
                long now = System.nanoTime();
                for (long id : arrived) {
                    counted.putIfAbsent(id, now);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        });
        for (long n = 0; n < total; n++) {
            long due = start + (long) (n * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            long number = n;
            pool.submit(() -> {
                TillPrincipal till = buyers.tills().get((int) (number % buyers.tills().size()));
                BenchFixtures.signInAsTill(till);
                long id = purchases.record(till, BenchFixtures.basket(buyers, number, "G-" + receipts.incrementAndGet()),
                        "lag-" + (int) rate + "-" + number).purchaseId();
                committed.put(id, System.nanoTime());
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        double offeredSeconds = BenchSupport.seconds(start);
        long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!counted.keySet().containsAll(committed.keySet()) && System.nanoTime() < waitUntil) {
            Thread.sleep(50);
        }
        poller.interrupt();
        long[] lags = committed.entrySet().stream().filter(entry -> counted.containsKey(entry.getKey()))
                .mapToLong(entry -> Math.max(0, counted.get(entry.getKey()) - entry.getValue())).toArray();
        report("green.event_lag_at_" + (int) rate + "_per_s.purchases", committed.size(), "count");
        report("green.event_lag_at_" + (int) rate + "_per_s.achieved_rate", committed.size() / offeredSeconds, "per_s");
        report("green.event_lag_at_" + (int) rate + "_per_s.p50", percentile(lags, 50), "ms");
        report("green.event_lag_at_" + (int) rate + "_per_s.p99", percentile(lags, 99), "ms");
        report("green.event_lag_at_" + (int) rate + "_per_s.not_counted", committed.size() - lags.length, "count");
    }
}
