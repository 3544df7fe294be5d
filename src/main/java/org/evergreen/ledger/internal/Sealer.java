package org.evergreen.ledger.internal;

import org.evergreen.ledger.internal.EntryHasher.SealedEntry;
import org.evergreen.shared.time.UtcTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Chains a seal over the entries that no seal covers yet. Writers never wait for it: it runs beside them,
 * every few seconds, on every node; a row lock makes the nodes take turns so the chain never forks.
 */
@Component
public class Sealer {

    private static final Logger log = LoggerFactory.getLogger(Sealer.class);

    public static final String GENESIS = "0".repeat(64);
    private static final int BATCH = 5_000;
    /**
     * How far below the newest sealed entry a late-committing entry is still looked for. A write transaction
     * lasts seconds at most, so stragglers are never that far behind; the verifier reports any that are.
     */
    private static final long STRAGGLER_WINDOW = 100_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final byte[] sealKey;

    public Sealer(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
                  @Value("${evergreen.ledger.seal-key:}") String sealKey) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.sealKey = sealKey.getBytes(StandardCharsets.UTF_8);
        if (sealKey.isEmpty()) {
            log.warn("No evergreen.ledger.seal-key: seals are plain SHA-256, which whoever can rewrite the database "
                    + "can recompute. Set a secret key kept outside the database in production.");
        }
    }

    @Scheduled(fixedDelayString = "${evergreen.ledger.seal-interval:5s}", initialDelayString = "${evergreen.ledger.seal-interval:5s}")
    void sealRegularly() {
        sealAll();
    }

    /** Seals until nothing is left unsealed; returns how many entries it sealed. */
    public long sealAll() {
        long sealed = 0;
        int batch;
        do {
            batch = sealBatch();
            sealed += batch;
        } while (batch == BATCH);
        return sealed;
    }

    private int sealBatch() {
        return Objects.requireNonNull(transactions.execute(status -> {
            jdbc.sql("SELECT id FROM ledger_seal_lock WHERE id = 1 FOR UPDATE").query(Long.class).single();
            long newestSealed = jdbc.sql("SELECT COALESCE(MAX(entry_id), 0) FROM ledger_seal_entry").query(Long.class).single();
            List<SealedEntry> entries = jdbc.sql("""
                            SELECT e.id, e.content_hash FROM ledger_entry e
                            LEFT JOIN ledger_seal_entry s ON s.entry_id = e.id
                            WHERE e.id > ? AND s.entry_id IS NULL ORDER BY e.id LIMIT ?""")
                    .params(Math.max(0, newestSealed - STRAGGLER_WINDOW), BATCH)
                    .query((rs, n) -> new SealedEntry(rs.getLong("id"), rs.getString("content_hash")))
                    .list();
            if (entries.isEmpty()) {
                return 0;
            }
            String previous = jdbc.sql("SELECT seal_hash FROM ledger_seal ORDER BY id DESC LIMIT 1")
                    .query(String.class).optional().orElse(GENESIS);
            KeyHolder keys = new GeneratedKeyHolder();
            jdbc.sql("INSERT INTO ledger_seal (previous_hash, seal_hash, entry_count, created_at) VALUES (?, ?, ?, ?)")
                    .params(previous, EntryHasher.sealHash(previous, entries, sealKey), entries.size(), UtcTimes.toColumn(clock.instant()))
                    .update(keys, "id");
            long sealId = keys.getKeyAs(Number.class).longValue();
            StringBuilder values = new StringBuilder("INSERT INTO ledger_seal_entry (entry_id, seal_id) VALUES ");
            for (int i = 0; i < entries.size(); i++) {
                values.append(i == 0 ? "" : ",").append('(').append(entries.get(i).entryId()).append(',').append(sealId).append(')');
            }
            jdbc.sql(values.toString()).update();
            return entries.size();
        }));
    }
}
