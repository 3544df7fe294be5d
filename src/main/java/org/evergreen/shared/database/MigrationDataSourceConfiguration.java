package org.evergreen.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Liquibase migrates the schema on connections of its own, outside the pool. The pool's sessions abort any
 * statement that runs past {@code max_statement_time} (see {@code application.yml}), and a change to a large
 * table may rightly take longer; migrations still store times in UTC.
 */
@Configuration(proxyBeanMethods = false)
class MigrationDataSourceConfiguration {

    private static final String MIGRATION_SESSION = "SET SESSION time_zone = '+00:00', max_statement_time = 0";

    /** Not a default candidate: everything else still gets the pool, and Spring Boot still configures it. */
    @Bean(defaultCandidate = false)
    @LiquibaseDataSource
    DataSource migrationDataSource(HikariDataSource pool) {
        return new DelegatingDataSource(new DriverManagerDataSource(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                try (Statement session = connection.createStatement()) {
                    session.execute(MIGRATION_SESSION);
                } catch (SQLException e) {
                    connection.close();
                    throw e;
                }
                return connection;
            }
        };
    }
}
