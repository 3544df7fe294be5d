package org.evergreen.bench;

import org.evergreen.EvergreenApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Locale;

/** What every benchmark shares: its own embedded MariaDB, and the BENCH line format. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * The whole application on a throwaway embedded MariaDB, without demo data or background jobs. The settings
     * are passed as command-line arguments, which outrank application.yml (default properties would not).
     */
    static ConfigurableApplicationContext startApplication(String name, String... moreSettings) throws Exception {
        Path dataDir = Files.createTempDirectory("evergreen-bench-" + name);
        List<String> settings = new ArrayList<>(List.of("server.port=0", "evergreen.embedded-db.port=0",
                "evergreen.embedded-db.data-dir=" + dataDir, "evergreen.embedded-db.throwaway=true", "evergreen.demo.enabled=false",
                "evergreen.ledger.seal-interval=1h", "evergreen.ledger.expiry-interval=1h",
                "vaadin.devmode.devTools.enabled=false", "spring.datasource.hikari.maximum-pool-size=24", "logging.level.root=WARN"));
        settings.addAll(List.of(moreSettings));
        return new SpringApplicationBuilder(EvergreenApplication.class)
                .run(settings.stream().map(setting -> "--" + setting).toArray(String[]::new));
    }

    static void report(String metric, double value, String unit) {
        String shown = value == Math.rint(value) || value >= 100
                ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
        System.out.println("BENCH " + metric + " " + shown + " " + unit);
        System.out.flush();
    }

    static double percentile(long[] nanos, double percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1_000_000.0;
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /**
     * CPU time spent so far by this JVM and by the embedded MariaDB (a child process): per unit of work, a cost
     * that a noisy shared machine disturbs far less than it disturbs throughput.
     */
    record CpuTime(Duration application, Duration database) {

        static CpuTime now() {
            Duration database = ProcessHandle.current().descendants()
                    .filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
                    .findFirst().flatMap(process -> process.info().totalCpuDuration()).orElse(Duration.ZERO);
            return new CpuTime(ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO), database);
        }

        /** Reports the milliseconds of CPU each of {@code units} cost the application and the database since {@code start}. */
        void reportSince(CpuTime start, long units, String prefix) {
            report(prefix + ".application", (application.toNanos() - start.application.toNanos()) / 1e6 / units, "cpu_ms");
            report(prefix + ".database", (database.toNanos() - start.database.toNanos()) / 1e6 / units, "cpu_ms");
        }
    }

    @FunctionalInterface
    interface Worker {
        Void run(int thread) throws Exception;
    }

    static void runThreads(int threads, Worker worker) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Void>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<Void> task = () -> worker.run(thread);
                results.add(pool.submit(task));
            }
            for (Future<Void> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
