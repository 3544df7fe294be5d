package org.evergreen.bench;

import org.evergreen.catalog.CatalogFilter;
import org.evergreen.catalog.CatalogFilter.CatalogSort;
import org.evergreen.catalog.CatalogItem;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.Redemptions;
import org.evergreen.catalog.Rewards;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.EvergreenUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import static org.evergreen.bench.BenchSupport.percentile;
import static org.evergreen.bench.BenchSupport.report;
import static org.evergreen.bench.BenchSupport.runThreads;

/**
 * {@code bench/run catalog}: a member's filtered first page of a 100,000-reward catalog, measured in the service
 * (the server's time for the grid's query), and redemptions per second when every client redeems the same reward.
 */
class CatalogBenchmark {

    private static final int REWARDS = 100_000;
    private static final int MERCHANTS = 20;
    private static final int CAMPAIGN_PRICES = 2_000;
    private static final int PAGE = 50;
    private static final int REPEATS = 60;
    private static final long MEMBER_BASE = 7_000_000;
    private static final int MEMBERS = 2_000;
    private static final Duration MEASURE = Duration.ofSeconds(10);

    private Rewards rewards;
    private Redemptions redemptions;
    private Ledger ledger;

    @Test
    void catalog() throws Exception {
        try (ConfigurableApplicationContext app = BenchSupport.startApplication("catalog", "evergreen.catalog.expiry-interval=1h")) {
            rewards = app.getBean(Rewards.class);
            redemptions = app.getBean(Redemptions.class);
            ledger = app.getBean(Ledger.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            List<Long> merchants = merchants(app.getBean(MerchantDirectory.class));
            fillCatalog(jdbc, merchants);
            report("catalog.rewards", jdbc.sql("SELECT COUNT(*) FROM catalog_reward").query(Long.class).single(), "rows");

            long browser = MEMBER_BASE;
            give(browser, 25_000);
            pageTimes("catalog.first_page.newest", browser, CatalogFilter.ALL);
            pageTimes("catalog.first_page.category_by_points", browser,
                    new CatalogFilter(null, "category-3", null, false, false, CatalogSort.POINTS_ASCENDING));
            pageTimes("catalog.first_page.affordable_green_by_points", browser,
                    new CatalogFilter(null, null, null, true, true, CatalogSort.POINTS_ASCENDING));
            pageTimes("catalog.first_page.merchant_affordable", browser,
                    new CatalogFilter(null, null, merchants.get(7), true, false, CatalogSort.NEWEST));
            pageTimes("catalog.first_page.search", browser,
                    new CatalogFilter("礼品 4242", null, null, false, false, CatalogSort.NEWEST));
            pageTimes("catalog.first_page.most_points", browser,
                    new CatalogFilter(null, null, null, false, false, CatalogSort.POINTS_DESCENDING));

            long popular = popularReward(jdbc, merchants.getFirst());
            for (int m = 1; m <= MEMBERS; m++) {
                give(MEMBER_BASE + m, 1_000_000);
            }
            contention(popular, 4, Duration.ofSeconds(3), "warmup");
            contention(popular, 1, MEASURE, "threads1");
            contention(popular, 16, MEASURE, "threads16");
            report("catalog.redeem.stock_left", jdbc.sql("SELECT stock_left FROM catalog_reward WHERE id = ?").param(popular)
                    .query(Long.class).single(), "items");
            report("catalog.redeem.pending", jdbc.sql("SELECT COUNT(*) FROM catalog_redemption WHERE reward_id = ? AND status = 'PENDING'")
                    .param(popular).query(Long.class).single(), "redemptions");
            IntegrityReport integrity = SystemActor.call(() -> ledger.verifyIntegrity());
            report("catalog.ledger.violations", integrity.violations().size(), "count");
        }
    }

    private static List<Long> merchants(MerchantDirectory directory) {
        List<Long> ids = new ArrayList<>();
        SystemActor.run(() -> {
            for (int m = 1; m <= MERCHANTS; m++) {
                String first17 = "91310000MA1%06d".formatted(900_000 + m);
                ids.add(directory.register(new NewMerchant("基准商户 " + m, "Bench merchant " + m, MerchantCategory.values()[m % 5],
                        first17 + UnifiedSocialCreditCode.checkCharacter(first17),
                        List.of(new NewMerchant.NewStore("基准店", "Bench store", "上海", "Shanghai", "基准路 " + m + " 号")))));
            }
        });
        return ids;
    }

    /**
     * 100,000 rewards written by SQL over MariaDB's sequence table (listing them one by one through the service
     * would take minutes): ten categories, every tenth green, prices from 100 to 100,000 points, each with its
     * regular price in the history, and 2,000 of them in a running campaign.
     */
    private static void fillCatalog(JdbcClient jdbc, List<Long> merchants) {
        long firstMerchant = merchants.getFirst();
        jdbc.sql("INSERT INTO catalog_reward (merchant_id, kind, category, name_zh, name_en, description_zh, description_en, retail_value,"
                        + " currency, points_price, cash_option_points, cash_option_amount, stock_left, redeemed, per_member_limit,"
                        + " redeem_within_days, available_from, available_until, green, listed, created_at)"
                        + " SELECT ? + seq % ?, 'GOODS', CONCAT('category-', seq % 10), CONCAT('礼品 ', seq), CONCAT('Reward ', seq),"
                        + " '基准礼品', 'A benchmark reward', 1000.00, 'CNY', 100 + (seq * 7919) % 99901,"
                        + " IF(seq % 4 = 0, 50 + (seq * 7919) % 49951, NULL), IF(seq % 4 = 0, 100.00, NULL),"
                        + " IF(seq % 3 = 0, 1000, NULL), 0, NULL, 30, NOW(6) - INTERVAL 1 DAY, NULL, seq % 10 = 0, TRUE, NOW(6)"
                        + " FROM seq_1_to_" + REWARDS)
                .params(firstMerchant, MERCHANTS).update();
        jdbc.sql("INSERT INTO catalog_price (reward_id, kind, points, cash_option_points, cash_option_amount, starts_at, ends_at,"
                        + " recorded_at, recorded_by) SELECT id, 'REGULAR', points_price, cash_option_points, cash_option_amount,"
                        + " available_from, NULL, NOW(6), 'bench' FROM catalog_reward")
                .update();
        jdbc.sql("INSERT INTO catalog_price (reward_id, kind, points, starts_at, ends_at, recorded_at, recorded_by)"
                        + " SELECT id, 'CAMPAIGN', GREATEST(50, points_price * 8 DIV 10), NOW(6) - INTERVAL 1 HOUR, NOW(6) + INTERVAL 30 DAY,"
                        + " NOW(6), 'bench' FROM catalog_reward WHERE id % 50 = 0 LIMIT " + CAMPAIGN_PRICES)
                .update();
        jdbc.sql("ANALYZE TABLE catalog_reward, catalog_price").query().listOfRows();
    }

    /** The grid's first page (the rows and the count it asks for), median and p99 of repeated calls. */
    private void pageTimes(String metric, long member, CatalogFilter filter) {
        long[] pages = new long[REPEATS];
        long[] counts = new long[REPEATS];
        int rows = 0;
        for (int i = -5; i < REPEATS; i++) {
            long start = System.nanoTime();
            List<CatalogItem> page = asMember(member, () -> rewards.browse(filter, 0, PAGE));
            long fetched = System.nanoTime();
            asMember(member, () -> rewards.browseCount(filter));
            long counted = System.nanoTime();
            if (i >= 0) {
                pages[i] = fetched - start;
                counts[i] = counted - fetched;
                rows = page.size();
            }
        }
        report(metric + ".rows", rows, "rows");
        report(metric + ".p50", percentile(pages, 50), "ms");
        report(metric + ".p99", percentile(pages, 99), "ms");
        report(metric + ".count_p50", percentile(counts, 50), "ms");
    }

    private static long popularReward(JdbcClient jdbc, long merchant) {
        jdbc.sql("INSERT INTO catalog_reward (merchant_id, kind, category, name_zh, name_en, description_zh, description_en, retail_value,"
                        + " currency, points_price, stock_left, redeemed, redeem_within_days, available_from, green, listed, created_at)"
                        + " VALUES (?, 'VOUCHER', 'voucher', '爆款代金券', 'Popular voucher', '基准', 'Bench', 10.00, 'CNY', 100, 10000000, 0, 30,"
                        + " NOW(6) - INTERVAL 1 DAY, FALSE, TRUE, NOW(6))")
                .param(merchant).update();
        long id = jdbc.sql("SELECT MAX(id) FROM catalog_reward").query(Long.class).single();
        jdbc.sql("INSERT INTO catalog_price (reward_id, kind, points, starts_at, recorded_at, recorded_by)"
                + " VALUES (?, 'REGULAR', 100, NOW(6) - INTERVAL 1 DAY, NOW(6), 'bench')").param(id).update();
        return id;
    }

    /** Every client redeeming the one popular reward, each as its own members in turn; redemptions per second and latency. */
    private void contention(long reward, int threads, Duration duration, String label) throws Exception {
        AtomicLong done = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long deadline = System.nanoTime() + duration.toNanos();
        runThreads(threads, thread -> {
            long[] mine = new long[200_000];
            int n = 0;
            for (long i = thread; System.nanoTime() < deadline; i += threads) {
                long member = MEMBER_BASE + 1 + i % MEMBERS;
                long start = System.nanoTime();
                try {
                    asMember(member, () -> redemptions.redeem(reward, 1, false, UUID.randomUUID().toString()));
                } catch (RedemptionRefused refused) {
                    throw new IllegalStateException("Redemption refused under contention: " + refused.kind(), refused);
                }
                if (n < mine.length) {
                    mine[n++] = System.nanoTime() - start;
                }
                done.incrementAndGet();
            }
            synchronized (latencies) {
                latencies.add(java.util.Arrays.copyOf(mine, n));
            }
            return null;
        });
        if (label.equals("warmup")) {
            return;
        }
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).toArray();
        report("catalog.redeem.one_reward." + label, done.get() / (duration.toNanos() / 1e9), "per_s");
        report("catalog.redeem.one_reward." + label + ".p50", percentile(all, 50), "ms");
        report("catalog.redeem.one_reward." + label + ".p99", percentile(all, 99), "ms");
    }

    private void give(long member, long points) {
        SystemActor.run(() -> ledger.post(new EntryRequest(EntryKind.EARN, "bench", "give-" + member, "bench", "purchase", null, null,
                List.of(new Posting(ledger.account(AccountType.MERCHANT_ISSUANCE, 1), -points),
                        new Posting(ledger.account(AccountType.MEMBER_WALLET, member), points)), null)));
    }

    /** Runs as a member: the benchmark's members exist only as ledger owners, which is all these services read. */
    private static <T> T asMember(long member, Supplier<T> work) {
        EvergreenUser user = new EvergreenUser(member, "bench" + member, "会员", "", Role.MEMBER, null, null, true, null);
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }
}
