package org.evergreen.shared.database;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Settings of the embedded MariaDB used when {@code spring.datasource.url} is not set.
 *
 * @param dataDir      where the server and its data live; survives restarts
 * @param port         TCP port; 0 for any free one; unset: {@link #PREFERRED_PORT}, or a free one when another program has it
 * @param databaseName schema created on first start
 * @param reset        delete the data directory before starting (reloads the demo data)
 * @param throwaway    delete the data directory when the application stops (tests)
 */
@ConfigurationProperties("evergreen.embedded-db")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data") Path dataDir,
        @Nullable Integer port,
        @DefaultValue("evergreen") String databaseName,
        @DefaultValue("false") boolean reset,
        @DefaultValue("false") boolean throwaway) {

    public static final int PREFERRED_PORT = 3307;
}
