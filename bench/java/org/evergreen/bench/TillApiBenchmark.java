package org.evergreen.bench;

import org.evergreen.earning.EarningRules;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.Ledger;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RuleSet;
import org.evergreen.member.internal.MemberNumbers;
import org.evergreen.merchant.MerchantCategory;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.NewMerchant;
import org.evergreen.merchant.StoreSummary;
import org.evergreen.merchant.TillKeys;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.merchant.UnifiedSocialCreditCode;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.evergreen.bench.BenchSupport.percentile;
import static org.evergreen.bench.BenchSupport.report;
import static org.evergreen.bench.BenchSupport.runThreads;

/**
 * {@code bench/run till-api}: purchases per second through the HTTP till API (3-line baskets, many members at one
 * merchant, tills on four stores), latency at a steady 500 purchases per second, and the ratio to plain JDBC
 * writing an earn's ledger rows. The load generator runs in the same JVM, on the same two cores.
 */
class TillApiBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration MEASURE = Duration.ofSeconds(15);
    private static final int MEMBERS = 5_000;
    private static final int STORES = 4;
    private static final double STEADY_RATE = 500;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final AtomicLong receipts = new AtomicLong();
    private final List<String> keys = new ArrayList<>();
    private final List<String> memberNumbers = new ArrayList<>();
    private HttpClient http;
    private JdbcClient jdbc;
    private String apiUrl;
    private String purchasesUrl;

    @Test
    void tillApi() throws Exception {
        // The per-key rate limit guards real tills; the benchmark measures the write path behind it.
        try (ConfigurableApplicationContext app = BenchSupport.startApplication("till-api",
                "evergreen.till-api.rate-limit.capacity=100000000", "evergreen.till-api.rate-limit.refill-per-second=100000000")) {
            jdbc = app.getBean(JdbcClient.class);
            setUp(app, jdbc);
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
            apiUrl = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort() + "/api/v1";
            purchasesUrl = apiUrl + "/purchases";

            closedLoop(16, WARM_UP);
            report("till_api.purchases.threads1", closedLoop(1, Duration.ofSeconds(5)), "per_s");
            report("purchases_service.threads1", serviceLoop(app, 1, Duration.ofSeconds(5)), "per_s");
            report("purchases_service.threads16", serviceLoop(app, 16, Duration.ofSeconds(10)), "per_s");
            double threads16 = closedLoop(16, MEASURE);
            double threads32 = closedLoop(32, MEASURE);
            report("till_api.purchases.threads16", threads16, "per_s");
            report("till_api.purchases.threads32", threads32, "per_s");

            // The same load from wrk, a load generator in a process of its own, on the same two cores.
            for (int connections : new int[]{16, 64}) {
                wrk("purchases.lua", purchasesUrl, "till_api.wrk.connections" + connections, "purchase", connections, MEASURE);
            }
            // The lightest till call (a balance, read by the member number): what HTTP, security and the framework cost on
            // this machine, to read the purchase figures against.
            wrk("balances.lua", apiUrl + "/members", "till_api.wrk.balance.connections16", "request", 16, Duration.ofSeconds(10));

            OpenLoop unloaded = openLoop(100, Duration.ofSeconds(10));
            report("till_api.latency_at_100_per_s.p50", percentile(unloaded.latencies(), 50), "ms");
            report("till_api.latency_at_100_per_s.p99", percentile(unloaded.latencies(), 99), "ms");
            report("till_api.latency_at_100_per_s.refused", unloaded.refused(), "count");
            OpenLoop steady = openLoop(STEADY_RATE, Duration.ofSeconds(10));
            report("till_api.latency_at_500_per_s.p50", percentile(steady.latencies(), 50), "ms");
            report("till_api.latency_at_500_per_s.p99", percentile(steady.latencies(), 99), "ms");
            report("till_api.latency_at_500_per_s.max", percentile(steady.latencies(), 100), "ms");
            report("till_api.latency_at_500_per_s.refused", steady.refused(), "count");

            long posted = jdbc.sql("SELECT COUNT(*) FROM earning_purchase").query(Long.class).single();
            long entries = jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE kind = 'EARN'").query(Long.class).single();
            report("till_api.purchases_recorded", posted, "count");
            report("till_api.earn_entries", entries, "count");
            // Each earn names its purchase ("purchase:<id>"), found by the purchase's primary key.
            long linked = jdbc.sql("""
                    SELECT COUNT(*) FROM ledger_entry e JOIN earning_purchase p ON p.id = CAST(SUBSTRING(e.reference, 10) AS UNSIGNED)
                    WHERE e.kind = 'EARN' AND e.reference LIKE 'purchase:%'""").query(Long.class).single();
            report("till_api.earn_entries_without_their_purchase", entries - linked, "count");
            IntegrityReport integrity = SystemActor.call(() -> app.getBean(Ledger.class).verifyIntegrity());
            report("till_api.ledger_violations", integrity.violations().size(), "count");

            double raw8 = new RawPostingBaseline(jdbc, app.getBean(DataSource.class)).throughput(8, Duration.ofSeconds(10));
            report("raw.earn.threads8", raw8, "per_s");
            report("till_api.ratio_to_raw.threads8", Math.max(threads16, threads32) / raw8, "ratio");
        }
    }

    /** One merchant of four stores with a till key each, rules with categories and bonuses, and many members. */
    private void setUp(ConfigurableApplicationContext app, JdbcClient jdbc) {
        MerchantDirectory merchants = app.getBean(MerchantDirectory.class);
        TillKeys tillKeys = app.getBean(TillKeys.class);
        EarningRules rules = app.getBean(EarningRules.class);
        SystemActor.run(() -> {
            List<NewMerchant.NewStore> stores = new ArrayList<>();
            for (int s = 1; s <= STORES; s++) {
                stores.add(new NewMerchant.NewStore("基准店 " + s, "Bench store " + s, "上海", "Shanghai", "基准路 " + s + " 号"));
            }
            String first17 = "91310000MA1999999";
            long merchantId = merchants.register(new NewMerchant("基准便利", "Bench Convenience", MerchantCategory.CONVENIENCE_STORE,
                    first17 + UnifiedSocialCreditCode.checkCharacter(first17), stores));
            rules.disclose(merchantId, new RuleSet(BigDecimal.ONE, List.of(new RuleSet.CategoryRate("local-produce", new BigDecimal("2"))), List.of(),
                    new BigDecimal("1.2"), new BigDecimal("1.5"), List.of(new RuleSet.ComboBonus("snacks", "drinks", 10)), BigDecimal.ONE), null);
            List<StoreSummary> created = merchants.storesOf(merchantId);
            for (int s = 0; s < created.size(); s++) {
                String key = "eg_bnch%04d_BenchmarkTillKeyForTheTillApi%03d".formatted(s + 1, s + 1);
                tillKeys.createKnown(merchantId, created.get(s).id(), "基准收银台 " + (s + 1), key);
                keys.add(key);
            }
        });
        // Members are written by SQL: registering 5,000 through the service would spend minutes on password hashing.
        jdbc.sql("""
                        INSERT INTO security_user (username, display_name, password_hash, role, created_at)
                        SELECT CONCAT('bench', seq), CONCAT('会员', seq), '{noop}unused', 'MEMBER', NOW(6) FROM seq_1_to_%d"""
                .formatted(MEMBERS)).update();
        List<Long> ids = jdbc.sql("SELECT id FROM security_user WHERE username LIKE 'bench%' ORDER BY id").query(Long.class).list();
        for (long id : ids) {
            String number = MemberNumbers.next();
            jdbc.sql("INSERT INTO member_member (user_id, member_number, tier, joined_at) VALUES (?, ?, 'ORDINARY', NOW(6) - INTERVAL 400 DAY)")
                    .params(id, number).update();
            memberNumbers.add(number);
        }
    }

    /** {@code threads} tills posting one purchase after another for {@code duration}; purchases per second. */
    private double closedLoop(int threads, Duration duration) throws Exception {
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        runThreads(threads, thread -> {
            for (long i = thread; System.nanoTime() < deadline; i += threads) {
                HttpResponse<String> response = http.send(purchase(i), HttpResponse.BodyHandlers.ofString());
                requireCreated(response);
                done.incrementAndGet();
            }
            return null;
        });
        return done.get() / (duration.toNanos() / 1e9);
    }

    /** The same purchases through the service alone, as the API's controller calls it: the write path without HTTP. */
    private double serviceLoop(ConfigurableApplicationContext app, int threads, Duration duration) throws Exception {
        Purchases purchases = app.getBean(Purchases.class);
        TillPrincipal till = app.getBean(TillKeys.class).authenticate(keys.getFirst()).orElseThrow();
        var authentication = UsernamePasswordAuthenticationToken.authenticated(till, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + TillPrincipal.ROLE)));
        AtomicLong done = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        runThreads(threads, thread -> {
            SecurityContextHolder.getContext().setAuthentication(authentication);
            for (long i = 2_000_000 + thread; System.nanoTime() < deadline; i += threads) {
                purchases.record(till, JSON.readValue(body(i), PurchaseRequest.class), "service-" + i + "-" + System.nanoTime());
                done.incrementAndGet();
            }
            return null;
        });
        return done.get() / (duration.toNanos() / 1e9);
    }

    /**
     * wrk running {@code script} against {@code url} over {@code connections} connections for {@code duration}; reports its
     * rate, latency and refusals, and the CPU time and statements each {@code unit} cost.
     */
    private void wrk(String script, String url, String prefix, String unit, int connections, Duration duration) throws Exception {
        Path members = Files.createTempFile("bench-members", ".txt");
        Files.write(members, memberNumbers);
        BenchSupport.CpuTime cpuBefore = BenchSupport.CpuTime.now();
        long statementsBefore = statementsReceived();
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency",
                "-s", Path.of("bench", "wrk", script).toString(), url, "--", members.toString(), keys.get(1),
                String.valueOf(connections)).redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher figures = Pattern.compile("WRK requests=(\\d+) errors=(\\d+) seconds=([\\d.]+) p50_ms=([\\d.]+) p99_ms=([\\d.]+)")
                .matcher(output);
        if (!figures.find()) {
            throw new IllegalStateException("No figures from wrk: " + output);
        }
        // wrk is a process of its own: this JVM's CPU time is the application's alone.
        long requests = Long.parseLong(figures.group(1));
        BenchSupport.CpuTime.now().reportSince(cpuBefore, requests, prefix + ".cpu_per_" + unit);
        // Machine-independent: the statements (each one round trip) that the database received per request.
        report(prefix + ".statements_per_" + unit, (double) (statementsReceived() - statementsBefore) / requests, "statements");
        report(prefix + "." + unit + "s", requests / Double.parseDouble(figures.group(3)), "per_s");
        report(prefix + ".p50", Double.parseDouble(figures.group(4)), "ms");
        report(prefix + ".p99", Double.parseDouble(figures.group(5)), "ms");
        report(prefix + ".refused", Long.parseLong(figures.group(2)), "count");
    }

    /** The statements that clients have sent the database so far (its {@code Questions} counter). */
    private long statementsReceived() {
        return jdbc.sql("SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'QUESTIONS'")
                .query(Long.class).single();
    }

    /** The latencies of the purchases recorded, and how many were refused for overload (503: the machine could not keep up). */
    private record OpenLoop(long[] latencies, long refused) {
    }

    /**
     * Purchases offered at a steady rate whatever the answers take; each latency counts from when its purchase
     * was due, so that a stall shows in the figures instead of slowing the offered load. A machine that cannot keep up
     * answers some with 503 (a connection waited past the pool's timeout): those are counted, not timed.
     */
    private OpenLoop openLoop(double rate, Duration duration) throws Exception {
        int count = (int) (rate * duration.toSeconds());
        long interval = (long) (1e9 / rate);
        long[] latencies = new long[count];
        AtomicLong refused = new AtomicLong();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long start = System.nanoTime();
        long first = receipts.get() + 1_000_000;
        for (int i = 0; i < count; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int n = i;
            answers.add(http.sendAsync(purchase(first + i), HttpResponse.BodyHandlers.ofString()).thenAccept(response -> {
                if (response.statusCode() == 503) {
                    refused.incrementAndGet();
                    latencies[n] = -1;
                    return;
                }
                requireCreated(response);
                latencies[n] = System.nanoTime() - due;
            }));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).join();
        return new OpenLoop(Arrays.stream(latencies).filter(latency -> latency >= 0).toArray(), refused.get());
    }

    /** Purchase number {@code n}: a 3-line basket for one of the members, at one of the stores. */
    private HttpRequest purchase(long n) {
        return HttpRequest.newBuilder(URI.create(purchasesUrl))
                .header("Authorization", "Bearer " + keys.get((int) (n % keys.size())))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + n + "-" + System.nanoTime())
                .POST(HttpRequest.BodyPublishers.ofString(body(n))).build();
    }

    private String body(long n) {
        String member = memberNumbers.get((int) (n % MEMBERS));
        return """
                {"memberNumber":"%s","receiptNumber":"B-%d","purchasedAt":"%s","currency":"CNY","total":31.50,"lines":[
                 {"sku":"6901","name":"本地青菜","category":"local-produce","quantity":2,"unitPrice":9.50,"green":true,"co2eGrams":120},
                 {"sku":"6902","name":"薯片","category":"snacks","quantity":1,"unitPrice":7.50,"green":false},
                 {"sku":"6903","name":"矿泉水","category":"drinks","quantity":2,"unitPrice":2.50,"green":false}]}"""
                .formatted(member, receipts.incrementAndGet(), Instant.now());
    }

    private static void requireCreated(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException("Purchase refused: " + response.statusCode() + " " + response.body());
        }
    }
}
