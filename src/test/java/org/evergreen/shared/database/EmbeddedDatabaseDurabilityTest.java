package org.evergreen.shared.database;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The embedded database keeps its data wherever it lives, below the system's temporary folder too, and refuses
 * clearly what would break it: a data directory a running instance has, a configured port another program has.
 */
class EmbeddedDatabaseDurabilityTest {

    private Path folder;

    @BeforeEach
    void folderBelowTheTemporaryFolder() throws IOException {
        folder = Files.createTempDirectory("evergreen-durability");
        assertThat(folder.toString()).startsWith(System.getProperty("java.io.tmpdir"));
    }

    @AfterEach
    void removeFolder() throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void dataWrittenByAnApplicationStartedInATemporaryFolderIsThereAfterItsRestart() throws Exception {
        assertThat(runProbe("write")).contains("ROWS 3");
        assertThat(folder.resolve("data/db/probe")).isDirectory();

        assertThat(runProbe("read")).contains("ROWS 3");
    }

    @Test
    void aDataDirectoryInUseByARunningInstanceIsRefusedNamingTheSetting() {
        Path dataDir = folder.resolve("data");
        try (EmbeddedMariaDb running = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(dataDir, 0, "first", false, true))) {
            assertThatThrownBy(() -> EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(dataDir, 0, "second", false, false)))
                    .isInstanceOf(EmbeddedDatabaseUnavailableException.class)
                    .hasMessageContaining(dataDir.toString()).hasMessageContaining("in use by another running Evergreen")
                    .satisfies(refusal -> assertThat(((EmbeddedDatabaseUnavailableException) refusal).action())
                            .contains("--evergreen.embedded-db.data-dir"));
        }
    }

    @Test
    void aConfiguredPortThatIsTakenIsRefusedInOneLineNamingTheSetting() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            EmbeddedDatabaseUnavailableException refusal = catchThrowableOfType(EmbeddedDatabaseUnavailableException.class,
                    () -> EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(folder.resolve("data"), port, "taken", false, true)));

            FailureAnalysis report = new EmbeddedDatabaseFailureAnalyzer().analyze(new BeanCreationException("embeddedMariaDb", refusal));
            assertThat(report.getDescription()).isEqualTo("The embedded database's port " + port + " is in use by another program.");
            assertThat(report.getAction()).contains("--evergreen.embedded-db.port");
        }
        // Nothing was left behind that would stop the next start.
        try (EmbeddedMariaDb next = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(folder.resolve("data"), 0, "next", false, true))) {
            assertThat(next.jdbcUrl()).contains("/next?");
        }
    }

    @Test
    void withNoPortConfiguredASecondInstanceTakesAnotherFreePort() throws IOException {
        try (ServerSocket holder = bindIfFree(EmbeddedDatabaseProperties.PREFERRED_PORT);
             EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(folder.resolve("data"), null, "second", false, true))) {
            assertThat(db.jdbcUrl()).doesNotContain(":" + EmbeddedDatabaseProperties.PREFERRED_PORT + "/").contains("/second?");
        }
    }

    private static ServerSocket bindIfFree(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException takenElsewhere) {
            // The port is busy either way, which is what the test needs.
        }
        return socket;
    }

    /** Runs {@link EmbeddedDataProbe} in a JVM of its own, working in the temporary folder, and returns what it printed. */
    private String runProbe(String mode) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process probe = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), EmbeddedDataProbe.class.getName(), mode)
                .directory(folder.toFile()).redirectErrorStream(true).start();
        byte[] output = probe.getInputStream().readAllBytes();
        assertThat(probe.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String printed = new String(output, StandardCharsets.UTF_8);
        assertThat(probe.exitValue()).as(printed).isZero();
        return printed;
    }
}
