package org.evergreen.shared.database;

import org.evergreen.EvergreenApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@code spring.datasource.url} set (env SPRING_DATASOURCE_URL), the application uses that server and
 * starts nothing embedded. Runs where a MariaDB listens on 127.0.0.1:3306 (root, no password), as on the
 * development and CI machines; elsewhere it is skipped, and every other test still runs on the embedded one.
 */
class ExternalDatabaseTest {

    @Test
    void usesTheExternalServerAndStartsNoEmbeddedOne() throws SQLException {
        assumeTrue(mariaDbListening(), "no MariaDB on 127.0.0.1:3306");
        String database = "evergreen_ext_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(EvergreenApplication.class)
                .properties("server.port=0", "vaadin.devmode.devTools.enabled=false",
                        "spring.datasource.url=jdbc:mariadb://127.0.0.1:3306/" + database + "?createDatabaseIfNotExist=true",
                        "spring.datasource.username=root", "spring.datasource.password=")
                .run()) {
            assertThat(app.getBeansOfType(EmbeddedMariaDb.class)).isEmpty();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT DATABASE()").query(String.class).single()).isEqualTo(database);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = 'security_user'")
                    .param(database).query(Long.class).single()).isEqualTo(1);
            // Demo data goes only into the embedded database unless asked for.
            assertThat(jdbc.sql("SELECT COUNT(*) FROM security_user").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT @@SESSION.innodb_lock_wait_timeout").query(Long.class).single()).isEqualTo(5);
            assertThat(jdbc.sql("SELECT @@SESSION.max_statement_time").query(BigDecimal.class).single()).isEqualByComparingTo("30");
        } finally {
            try (Connection connection = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/", "root", "")) {
                connection.createStatement().execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private static boolean mariaDbListening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 3306), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
