package org.evergreen.bench;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.HistoryFilter;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.Posting;
import org.evergreen.ledger.internal.Sealer;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.evergreen.bench.BenchSupport.percentile;
import static org.evergreen.bench.BenchSupport.runThreads;
import static org.evergreen.bench.BenchSupport.seconds;
import static org.evergreen.bench.BenchSupport.report;

/**
 * {@code bench/run ledger}: earn throughput through the ledger against plain JDBC writing the same rows,
 * posting latency at half load, member history and balance lookups among 10 million postings, and the
 * speed of the sealer and the verifier over a million entries.
 */
class LedgerBenchmark {

    private static final Duration MEASURE = Duration.ofSeconds(10);
    private static final long MERCHANT = 1;
    private static final long HISTORY_MEMBER = 9_000_001;
    private static final int HISTORY_ENTRIES = 100_000;
    private static final long TARGET_POSTINGS = 10_000_000;

    private Ledger ledger;
    private JdbcClient jdbc;
    private DataSource dataSource;

    @Test
    void ledger() throws Exception {
        try (ConfigurableApplicationContext app = BenchSupport.startApplication("ledger")) {
            ledger = app.getBean(Ledger.class);
            jdbc = app.getBean(JdbcClient.class);
            dataSource = app.getBean(DataSource.class);

            earnThroughput(8, Duration.ofSeconds(3), 1_000_000); // warm-up: JIT, accounts, buffer pool
            double ledger1 = earnThroughput(1, MEASURE, 2_000_000);
            double ledger8 = earnThroughput(8, MEASURE, 3_000_000);
            report("ledger.earn.threads1", ledger1, "per_s");
            report("ledger.earn.threads8", ledger8, "per_s");

            RawPostingBaseline raw = new RawPostingBaseline(jdbc, dataSource);
            double raw1 = raw.throughput(1, MEASURE);
            double raw8 = raw.throughput(8, MEASURE);
            report("raw.earn.threads1", raw1, "per_s");
            report("raw.earn.threads8", raw8, "per_s");
            report("raw.earn.batched", raw.batched(200_000), "per_s");
            report("ledger.ratio_to_raw.threads1", ledger1 / raw1, "ratio");
            report("ledger.ratio_to_raw.threads8", ledger8 / raw8, "ratio");

            long[] latencies = latencyAtRate(8, ledger8 / 2, MEASURE);
            report("ledger.post.latency_at_half_load.p50", percentile(latencies, 50), "ms");
            report("ledger.post.latency_at_half_load.p99", percentile(latencies, 99), "ms");

            fillHistoryMember();
            fillUntrackedUntil(1_000_000 - entries());
            long sealStart = System.nanoTime();
            long sealed = app.getBean(Sealer.class).sealAll();
            report("ledger.seal.entries_per_s", sealed / seconds(sealStart), "per_s");
            long verifyStart = System.nanoTime();
            IntegrityReport integrity = SystemActor.call(() -> ledger.verifyIntegrity());
            double verifySeconds = seconds(verifyStart);
            report("ledger.verify.entries", integrity.entriesChecked(), "entries");
            report("ledger.verify.seconds", verifySeconds, "s");
            report("ledger.verify.entries_per_s", integrity.entriesChecked() / verifySeconds, "per_s");
            report("ledger.verify.violations", integrity.violations().size(), "count");

            fillUntrackedUntil((TARGET_POSTINGS - postings() + 1) / 2);
            report("ledger.postings_in_table", postings(), "rows");
            SystemActor.run(this::historyLookups);
        }
    }

    /** Earn entries per second, each thread earning for its own members, all at the same merchant. */
    private double earnThroughput(int threads, Duration duration, long memberBase) throws Exception {
        long issuance = SystemActor.call(() -> ledger.account(AccountType.MERCHANT_ISSUANCE, MERCHANT));
        AtomicLong posted = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        runThreads(threads, thread -> SystemActor.call(() -> {
            long[] wallets = new long[50];
            for (int m = 0; m < wallets.length; m++) {
                wallets[m] = ledger.account(AccountType.MEMBER_WALLET, memberBase + thread * 1_000L + m);
            }
            for (long i = 0; System.nanoTime() < deadline; i++) {
                ledger.post(new EntryRequest(EntryKind.EARN, "bench", memberBase + "-" + thread + "-" + i, "bench", "purchase",
                        null, null, List.of(new Posting(issuance, -10), new Posting(wallets[(int) (i % wallets.length)], 10)), null));
                posted.incrementAndGet();
            }
            return null;
        }));
        return posted.get() / (duration.toNanos() / 1e9);
    }

    /** Posting latency while 8 threads together offer {@code rate} entries per second. */
    private long[] latencyAtRate(int threads, double rate, Duration duration) throws Exception {
        long issuance = SystemActor.call(() -> ledger.account(AccountType.MERCHANT_ISSUANCE, MERCHANT));
        long intervalNanos = (long) (threads * 1e9 / rate);
        List<long[]> perThread = new ArrayList<>();
        runThreads(threads, thread -> SystemActor.call(() -> {
            long wallet = ledger.account(AccountType.MEMBER_WALLET, 4_000_000 + thread);
            long count = duration.toNanos() / intervalNanos;
            long[] latencies = new long[(int) count];
            long next = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                long start = System.nanoTime();
                ledger.post(new EntryRequest(EntryKind.EARN, "bench", "latency-" + thread + "-" + i, "bench", "purchase",
                        null, null, List.of(new Posting(issuance, -10), new Posting(wallet, 10)), null));
                latencies[i] = System.nanoTime() - start;
                next += intervalNanos;
            }
            synchronized (perThread) {
                perThread.add(latencies);
            }
            return null;
        }));
        return perThread.stream().flatMapToLong(Arrays::stream).toArray();
    }

    /**
     * One member with 100,000 earn entries, written in bulk by SQL with valid hashes, a matching balance
     * and one lot, so that the verifier finds them in order.
     */
    private void fillHistoryMember() {
        long wallet = SystemActor.call(() -> ledger.account(AccountType.MEMBER_WALLET, HISTORY_MEMBER));
        long issuance = SystemActor.call(() -> ledger.account(AccountType.MERCHANT_ISSUANCE, 2));
        bulkEntries("history", HISTORY_ENTRIES, issuance, -10, wallet, 10, true);
        long total = 10L * HISTORY_ENTRIES;
        jdbc.sql("UPDATE ledger_account SET balance = balance + ? WHERE id = ?").params(total, wallet).update();
        long firstEntry = jdbc.sql("SELECT MIN(id) FROM ledger_entry WHERE origin = 'bench-history'").query(Long.class).single();
        jdbc.sql("INSERT INTO ledger_lot (account_id, entry_id, amount, remaining) VALUES (?, ?, ?, ?)")
                .params(wallet, firstEntry, total, total).update();
        long posting = jdbc.sql("SELECT MIN(id) FROM ledger_posting WHERE account_id = ?").param(wallet).query(Long.class).single();
        jdbc.sql("INSERT INTO ledger_lot_movement (posting_id, lot_id, amount) SELECT ?, MAX(id), ? FROM ledger_lot WHERE account_id = ?")
                .params(posting, total, wallet).update();
    }

    /** Adjustment entries between two merchant accounts, in chunks, until {@code count} more are written. */
    private void fillUntrackedUntil(long count) {
        long from = SystemActor.call(() -> ledger.account(AccountType.MERCHANT_ISSUANCE, 3));
        long to = SystemActor.call(() -> ledger.account(AccountType.MERCHANT_REDEMPTION, 3));
        long chunk = 250_000;
        for (long done = 0; done < count; done += chunk) {
            bulkEntries("fill-" + entries(), Math.min(chunk, count - done), from, -1, to, 1, false);
        }
    }

    private void bulkEntries(String label, long count, long firstAccount, long firstAmount, long secondAccount,
                             long secondAmount, boolean secondIsStatement) {
        long low = Math.min(firstAccount, secondAccount);
        long high = Math.max(firstAccount, secondAccount);
        long lowAmount = low == firstAccount ? firstAmount : secondAmount;
        long highAmount = high == firstAccount ? firstAmount : secondAmount;
        String origin = "bench-" + label;
        // Microseconds that are never a multiple of 1000, so that the SQL text of the time equals Java's.
        jdbc.sql("""
                        INSERT INTO ledger_entry (kind, origin, idempotency_key, actor, reason, created_at, content_hash)
                        SELECT 'EARN', :origin, CONCAT('k-', seq), 'bench', 'purchase', t.at,
                               SHA2(CONCAT('EARN', CHAR(31), :origin, CHAR(31), CONCAT('k-', seq), CHAR(31), 'bench', CHAR(31),
                                           'purchase', CHAR(31), CHAR(31), CHAR(31), CHAR(31),
                                           DATE_FORMAT(t.at, '%Y-%m-%dT%H:%i:%s.%f'),
                                           CHAR(30), :low, ':', :lowAmount, CHAR(30), :high, ':', :highAmount), 256)
                        FROM (SELECT seq, TIMESTAMP '2026-01-01 00:00:00' + INTERVAL seq SECOND + INTERVAL (1 + seq % 997) MICROSECOND AS at
                              FROM seq_1_to_10000000 WHERE seq <= :count) t""")
                .param("origin", origin).param("low", low).param("lowAmount", lowAmount)
                .param("high", high).param("highAmount", highAmount).param("count", count)
                .update();
        jdbc.sql("""
                        INSERT INTO ledger_posting (entry_id, account_id, statement_id, amount)
                        SELECT e.id, x.account, x.statement, x.amount FROM ledger_entry e
                        CROSS JOIN (SELECT :first AS account, NULL AS statement, :firstAmount AS amount
                                    UNION ALL SELECT :second, :secondStatement, :secondAmount) x
                        WHERE e.origin = :origin ORDER BY e.id""")
                .param("first", firstAccount).param("firstAmount", firstAmount)
                .param("second", secondAccount).param("secondStatement", secondIsStatement ? secondAccount : null)
                .param("secondAmount", secondAmount).param("origin", origin)
                .update();
    }

    /** First page and page 500 (50 rows a page) of the 100,000-entry member, by offset and by keyset; balances. */
    private void historyLookups() {
        report("ledger.history.first_page", medianMillis(() -> ledger.memberHistory(HISTORY_MEMBER, HistoryFilter.ALL, 0, 50)), "ms");
        report("ledger.history.page500_offset", medianMillis(() -> ledger.memberHistory(HISTORY_MEMBER, HistoryFilter.ALL, 499 * 50, 50)), "ms");
        long cursor = ledger.memberHistory(HISTORY_MEMBER, HistoryFilter.ALL, 499 * 50 - 1, 1).getFirst().postingId();
        report("ledger.history.page500_keyset", medianMillis(() -> ledger.memberHistoryBefore(HISTORY_MEMBER, HistoryFilter.ALL, cursor, 50)), "ms");
        long wallet = ledger.account(AccountType.MEMBER_WALLET, HISTORY_MEMBER);
        report("ledger.balance.member_points", medianMillis(() -> ledger.memberPoints(HISTORY_MEMBER, Duration.ofDays(30))), "ms");
        report("ledger.balance.wallet", medianMillis(() -> ledger.balance(wallet)), "ms");
    }

    private static double medianMillis(Supplier<?> lookup) {
        long[] nanos = new long[41];
        for (int i = 0; i < nanos.length; i++) {
            long start = System.nanoTime();
            lookup.get();
            nanos[i] = System.nanoTime() - start;
        }
        return percentile(Arrays.copyOfRange(nanos, 1, nanos.length), 50);
    }

    private long entries() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single();
    }

    private long postings() {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_posting").query(Long.class).single();
    }

}
