package org.evergreen.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of the embedded MariaDB used when {@code spring.datasource.url} is not set.
 *
 * @param dataDir      where the server and its data live; survives restarts
 * @param port         TCP port, or 0 for a free one
 * @param databaseName schema created on first start
 * @param reset        delete the data directory before starting (reloads the demo data)
 * @param throwaway    delete the data directory when the application stops (tests)
 */
@ConfigurationProperties("evergreen.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("3307") int port,
        @DefaultValue("evergreen") String databaseName,
        @DefaultValue("false") boolean reset,
        @DefaultValue("false") boolean throwaway) {
}
