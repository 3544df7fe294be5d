package org.evergreen.bench;

import org.evergreen.EvergreenApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/** What every benchmark shares: its own embedded MariaDB, and the BENCH line format. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** The whole application on a throwaway embedded MariaDB, without demo data or background jobs. */
    static ConfigurableApplicationContext startApplication(String name) throws Exception {
        Path dataDir = Files.createTempDirectory("evergreen-bench-" + name);
        return new SpringApplicationBuilder(EvergreenApplication.class)
                .properties("server.port=0", "evergreen.embedded-db.port=0", "evergreen.embedded-db.data-dir=" + dataDir,
                        "evergreen.embedded-db.throwaway=true", "evergreen.demo.enabled=false",
                        "evergreen.ledger.seal-interval=1h", "evergreen.ledger.expiry-interval=1h",
                        "vaadin.devmode.devTools.enabled=false", "spring.datasource.hikari.maximum-pool-size=24",
                        "logging.level.root=WARN")
                .run();
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
}
