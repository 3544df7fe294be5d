package org.evergreen.shared.database;

import org.evergreen.EvergreenTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The sessions the pool hands out, and the ones migrations run on. */
@EvergreenTest
class DatabaseSessionsTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource migrations;

    @Test
    void poolSessionsWaitForLocksBrieflyAbortLongStatementsAndKeepTimesInUtc() {
        assertThat(jdbc.sql("SELECT @@SESSION.innodb_lock_wait_timeout").query(Long.class).single()).isEqualTo(5);
        assertThat(jdbc.sql("SELECT @@SESSION.max_statement_time").query(BigDecimal.class).single()).isEqualByComparingTo("30");
        assertThat(jdbc.sql("SELECT @@SESSION.time_zone").query(String.class).single()).isEqualTo("+00:00");
    }

    @Test
    void theEmbeddedServerRunsStatementsOnItsThreadPool() {
        assertThat(jdbc.sql("SELECT @@GLOBAL.thread_handling").query(String.class).single()).isEqualTo("pool-of-threads");
    }

    @Test
    void migrationsRunInUtcWithoutTheStatementTimeLimit() throws SQLException {
        try (Connection connection = migrations.getConnection(); Statement statement = connection.createStatement();
             ResultSet session = statement.executeQuery("SELECT @@SESSION.max_statement_time, @@SESSION.time_zone")) {
            session.next();
            assertThat(session.getBigDecimal(1)).isEqualByComparingTo("0");
            assertThat(session.getString(2)).isEqualTo("+00:00");
        }
    }
}
