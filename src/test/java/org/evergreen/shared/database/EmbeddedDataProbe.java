package org.evergreen.shared.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a JVM of its own by {@link EmbeddedDatabaseDurabilityTest}: starts the embedded MariaDB on {@code ./data} of its
 * working directory, writes a row ({@code write}) or prints the rows it finds ({@code read}), and exits the way a stopped
 * application does, through the JVM's shutdown hooks.
 */
public final class EmbeddedDataProbe {

    private EmbeddedDataProbe() {
    }

    public static void main(String[] args) throws Exception {
        EmbeddedMariaDb db = EmbeddedMariaDb.start(new EmbeddedDatabaseProperties(Path.of("data"), 0, "probe", false, false));
        try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             Statement statement = connection.createStatement()) {
            if (args[0].equals("write")) {
                statement.execute("CREATE TABLE acknowledged (id INT PRIMARY KEY) ENGINE=InnoDB");
                statement.execute("INSERT INTO acknowledged VALUES (1), (2), (3)");
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM acknowledged")) {
                rows.next();
                System.out.println("ROWS " + rows.getLong(1));
            }
        }
        System.exit(0);
    }
}
