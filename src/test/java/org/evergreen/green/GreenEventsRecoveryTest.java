package org.evergreen.green;

import org.evergreen.EvergreenApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No purchase event is lost to a failing listener or a crash: the event publication registry keeps each delivery
 * that did not complete, a retry makes it again, and so does the next start of the application. The green listener
 * is made to fail by taking its table away; an application of its own, whose database outlives it, stands for the
 * node that crashed and the one that starts after it.
 */
class GreenEventsRecoveryTest {

    @Test
    void aDeliveryThatFailedIsMadeAgainByARetryAndByTheNextStart() throws Exception {
        Path dataDir = Files.createTempDirectory("evergreen-events");
        try {
            long firstMember;
            long secondMember;
            try (ConfigurableApplicationContext first = start(dataDir)) {
                JdbcClient jdbc = first.getBean(JdbcClient.class);
                GreenPurchases green = new GreenPurchases(first);

                firstMember = green.newMember();
                buyWhileTheListenerFails(jdbc, green, firstMember);
                assertThat(jdbc.sql("SELECT COUNT(*) FROM green_purchase WHERE member_id = ?").param(firstMember).query(Long.class).single())
                        .as("the failed delivery changed nothing").isZero();

                first.getBean(IncompleteEventPublications.class).resubmitIncompletePublications(publication -> true);
                GreenPurchases.await(() -> green.hasMonth(firstMember));
                GreenPurchases.await(() -> undelivered(jdbc) == 0);

                secondMember = green.newMember();
                buyWhileTheListenerFails(jdbc, green, secondMember);
            }

            try (ConfigurableApplicationContext second = start(dataDir)) {
                GreenPurchases green = new GreenPurchases(second);
                GreenPurchases.await(() -> green.hasMonth(secondMember));
                assertThat(green.month(secondMember).get("co2e_grams")).isEqualTo(35_358L);
                assertThat(green.month(firstMember).get("purchases")).as("counted once, not again at the restart").isEqualTo(1);
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dataDir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // best effort: the folder is below the system's temporary folder
            }
        }
    }

    /**
     * A purchase whose delivery to the green listener fails (its claims table is away while it runs, a table the folding
     * job never touches, so the job's transactions keep committing), leaving the delivery to the registry; the table is
     * back afterwards.
     */
    private static void buyWhileTheListenerFails(JdbcClient jdbc, GreenPurchases green, long member) throws InterruptedException {
        jdbc.sql("RENAME TABLE green_purchase TO green_purchase_away").update();
        long rollbacks = rollbacks(jdbc);
        green.buyBulbsAndTea(member);
        GreenPurchases.await(() -> rollbacks(jdbc) > rollbacks);
        assertThat(undelivered(jdbc)).isEqualTo(1);
        jdbc.sql("RENAME TABLE green_purchase_away TO green_purchase").update();
    }

    /** Deliveries of purchase events to the green listener not completed yet (the registry keeps one row each). */
    private static long undelivered(JdbcClient jdbc) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM EVENT_PUBLICATION
                        WHERE COMPLETION_DATE IS NULL AND EVENT_TYPE LIKE '%PurchaseRecorded' AND LISTENER_ID LIKE '%GreenImpactListener%'""")
                .query(Long.class).single();
    }

    /**
     * Transactions MariaDB rolled back: the failing listener's is the only one here (the registry keeps no failure status
     * in its lean structure, ADR 0018), so its count rising says the delivery was tried and failed.
     */
    private static long rollbacks(JdbcClient jdbc) {
        return jdbc.sql("SHOW GLOBAL STATUS LIKE 'Com_rollback'").query((rs, n) -> rs.getLong(2)).single();
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        // As arguments: they outrank the test profile's throwaway data directory, which default properties would not.
        return new SpringApplicationBuilder(EvergreenApplication.class).profiles("test")
                .run("--server.port=0", "--evergreen.embedded-db.data-dir=" + dataDir, "--evergreen.embedded-db.throwaway=false");
    }
}
