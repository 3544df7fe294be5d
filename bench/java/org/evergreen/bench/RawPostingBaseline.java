package org.evergreen.bench;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.evergreen.bench.BenchSupport.runThreads;
import static org.evergreen.bench.BenchSupport.seconds;

/**
 * The outer bound of the ledger benchmarks: the rows of an earn written by plain JDBC into tables shaped like
 * the ledger's, without its checks, triggers or foreign keys.
 */
final class RawPostingBaseline {

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    RawPostingBaseline(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        prepare();
    }

    /** Tables shaped like the ledger's, without its triggers or foreign keys, for the plain-JDBC baseline. */
    private void prepare() {
        for (String table : List.of("entry", "posting", "lot", "lot_movement", "account")) {
            jdbc.sql("CREATE TABLE raw_" + table + " LIKE ledger_" + table).update();
        }
        jdbc.sql("INSERT INTO raw_account (type, owner_id, tracked, balance, created_at) SELECT 'MEMBER_WALLET', seq, TRUE, 0, NOW(6) FROM seq_1_to_1000").update();
        jdbc.sql("INSERT INTO raw_account (type, owner_id, tracked, balance, created_at) VALUES ('MERCHANT_ISSUANCE', 1, FALSE, 0, NOW(6))").update();
    }

    /**
     * The rows of one earn written by hand, one transaction each: entry, guarded balance update, two
     * postings, a lot and its movement; the connection runs READ COMMITTED like the application's pool.
     */
    double throughput(int threads, Duration duration) throws Exception {
        AtomicLong written = new AtomicLong();
        long deadline = System.nanoTime() + duration.toNanos();
        long issuance = jdbc.sql("SELECT id FROM raw_account WHERE type = 'MERCHANT_ISSUANCE'").query(Long.class).single();
        runThreads(threads, thread -> {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                for (long i = 0; System.nanoTime() < deadline; i++) {
                    long wallet = 1 + thread * 50 + i % 50;
                    writeRawEarn(connection, "raw-" + threads + "-" + thread + "-" + i, issuance, wallet);
                    connection.commit();
                    written.incrementAndGet();
                }
            }
            return null;
        });
        return written.get() / (duration.toNanos() / 1e9);
    }

    /** The outer bound: the same rows in batches of 1,000 entries per transaction. */
    double batched(int total) throws SQLException {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            long issuance = 1001;
            for (int done = 0; done < total; done += 1_000) {
                try (PreparedStatement entry = connection.prepareStatement("""
                        INSERT INTO raw_entry (kind, origin, idempotency_key, actor, reason, created_at, content_hash)
                        VALUES ('EARN', 'raw-batch', ?, 'bench', 'purchase', NOW(6), ?)""", Statement.RETURN_GENERATED_KEYS);
                     PreparedStatement posting = connection.prepareStatement(
                             "INSERT INTO raw_posting (entry_id, account_id, statement_id, amount) VALUES (?, ?, ?, ?)");
                     PreparedStatement lot = connection.prepareStatement(
                             "INSERT INTO raw_lot (account_id, entry_id, amount, remaining) VALUES (?, ?, 10, 10)")) {
                    for (int i = 0; i < 1_000; i++) {
                        entry.setString(1, "batch-" + (done + i));
                        entry.setString(2, "0".repeat(64));
                        entry.addBatch();
                    }
                    entry.executeBatch();
                    List<Long> ids = new ArrayList<>();
                    try (ResultSet keys = entry.getGeneratedKeys()) {
                        while (keys.next()) {
                            ids.add(keys.getLong(1));
                        }
                    }
                    for (int i = 0; i < ids.size(); i++) {
                        long wallet = 1 + i % 1000;
                        posting.setLong(1, ids.get(i));
                        posting.setLong(2, issuance);
                        posting.setObject(3, null);
                        posting.setLong(4, -10);
                        posting.addBatch();
                        posting.setLong(1, ids.get(i));
                        posting.setLong(2, wallet);
                        posting.setLong(3, wallet);
                        posting.setLong(4, 10);
                        posting.addBatch();
                        lot.setLong(1, wallet);
                        lot.setLong(2, ids.get(i));
                        lot.addBatch();
                    }
                    posting.executeBatch();
                    lot.executeBatch();
                    connection.commit();
                }
            }
        }
        return total / seconds(start);
    }

    private static void writeRawEarn(Connection connection, String key, long issuance, long wallet) throws SQLException {
        long entryId;
        try (PreparedStatement entry = connection.prepareStatement("""
                INSERT INTO raw_entry (kind, origin, idempotency_key, actor, reason, created_at, content_hash)
                VALUES ('EARN', 'raw', ?, 'bench', 'purchase', ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            entry.setString(1, key);
            entry.setObject(2, LocalDateTime.now());
            entry.setString(3, "0".repeat(64));
            entry.executeUpdate();
            try (ResultSet keys = entry.getGeneratedKeys()) {
                keys.next();
                entryId = keys.getLong(1);
            }
        }
        try (PreparedStatement balance = connection.prepareStatement("UPDATE raw_account SET balance = balance + 10 WHERE id = ? AND balance >= 0")) {
            balance.setLong(1, wallet);
            balance.executeUpdate();
        }
        long walletPosting = 0;
        try (PreparedStatement posting = connection.prepareStatement(
                "INSERT INTO raw_posting (entry_id, account_id, statement_id, amount) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            posting.setLong(1, entryId);
            posting.setLong(2, issuance);
            posting.setObject(3, null);
            posting.setLong(4, -10);
            posting.executeUpdate();
            posting.setLong(1, entryId);
            posting.setLong(2, wallet);
            posting.setLong(3, wallet);
            posting.setLong(4, 10);
            posting.executeUpdate();
            try (ResultSet keys = posting.getGeneratedKeys()) {
                keys.next();
                walletPosting = keys.getLong(1);
            }
        }
        long lotId;
        try (PreparedStatement lot = connection.prepareStatement(
                "INSERT INTO raw_lot (account_id, entry_id, amount, remaining) VALUES (?, ?, 10, 10)", Statement.RETURN_GENERATED_KEYS)) {
            lot.setLong(1, wallet);
            lot.setLong(2, entryId);
            lot.executeUpdate();
            try (ResultSet keys = lot.getGeneratedKeys()) {
                keys.next();
                lotId = keys.getLong(1);
            }
        }
        try (PreparedStatement movement = connection.prepareStatement(
                "INSERT INTO raw_lot_movement (posting_id, lot_id, amount) VALUES (?, ?, 10)")) {
            movement.setLong(1, walletPosting);
            movement.setLong(2, lotId);
            movement.executeUpdate();
        }
    }
}
