package org.evergreen.ledger;

import org.evergreen.EvergreenApplication;
import org.evergreen.security.SystemActor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the embedded mariadbd with SIGKILL in the middle of a stream of postings, starts the application
 * again on the same data, and checks that every entry is complete or absent, every acknowledged entry is
 * there, and the invariant check is clean.
 */
class LedgerCrashTest {

    @Test
    void killingTheDatabaseMidStreamLosesNoAcknowledgedEntryAndLeavesNoHalfEntry() throws Exception {
        Path dataDir = Files.createTempDirectory("evergreen-crash-test");
        int port = freePort();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

        try (ConfigurableApplicationContext app = start(dataDir, port, false)) {
            Ledger ledger = app.getBean(Ledger.class);
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = Thread.ofPlatform().start(() -> SystemActor.run(() -> {
                long merchantIssuance = ledger.account(AccountType.MERCHANT_ISSUANCE, 77);
                long merchantRedemption = ledger.account(AccountType.MERCHANT_REDEMPTION, 77);
                // Earns, holds, captures and releases in turn, so that every kind of write is in flight at the kill.
                for (long i = 0; !stop.get(); i++) {
                    long member = 5_000_000 + i % 50;
                    try {
                        long wallet = ledger.account(AccountType.MEMBER_WALLET, member);
                        acknowledged.add(ledger.post(new EntryRequest(EntryKind.EARN, "crash-test", "earn-" + i, "test", "purchase",
                                null, null, List.of(new Posting(merchantIssuance, -10), new Posting(wallet, 10)), null)).entryId());
                        Hold hold = ledger.hold(new HoldRequest(wallet, 5, "crash-test", "hold-" + i, "test", "redemption", null, null));
                        acknowledged.add(hold.holdEntryId());
                        acknowledged.add(i % 2 == 0
                                ? ledger.capture(hold.id(), merchantRedemption, "crash-test", "capture-" + i, "test", "redemption", null).entryId()
                                : ledger.release(hold.id(), "crash-test", "release-" + i, "test", "cancelled").entryId());
                    } catch (RuntimeException databaseGone) {
                        sleep();
                    }
                }
            }));
            while (acknowledged.size() < 600) {
                sleep();
            }
            killMariaDb(port);
            sleep();
            stop.set(true);
            writer.join();
        }

        try (ConfigurableApplicationContext restarted = start(dataDir, port, true)) {
            JdbcClient jdbc = restarted.getBean(JdbcClient.class);
            List<Long> stored = jdbc.sql("SELECT id FROM ledger_entry WHERE origin = 'crash-test'").query(Long.class).list();
            assertThat(stored).containsAll(acknowledged);
            IntegrityReport report = SystemActor.call(() -> restarted.getBean(Ledger.class).verifyIntegrity());
            assertThat(report.violations()).isEmpty();
            assertThat(report.entriesChecked()).isGreaterThanOrEqualTo(acknowledged.size());
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, int port, boolean throwaway) {
        return new SpringApplicationBuilder(EvergreenApplication.class)
                .properties("server.port=0", "evergreen.embedded-db.port=" + port, "evergreen.embedded-db.data-dir=" + dataDir,
                        "evergreen.embedded-db.throwaway=" + throwaway, "evergreen.demo.enabled=false",
                        "vaadin.devmode.devTools.enabled=false", "spring.datasource.hikari.connection-timeout=2000")
                .run();
    }

    private static void killMariaDb(int port) {
        List<ProcessHandle> servers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine().orElse("").contains("mariadbd")
                        && process.info().commandLine().orElse("").contains("--port=" + port))
                .toList();
        assertThat(servers).as("the embedded mariadbd").hasSize(1);
        servers.getFirst().destroyForcibly();
        servers.getFirst().onExit().join();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
