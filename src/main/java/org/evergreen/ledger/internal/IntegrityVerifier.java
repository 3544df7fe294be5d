package org.evergreen.ledger.internal;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.IntegrityReport;
import org.evergreen.ledger.IntegrityReport.Check;
import org.evergreen.ledger.IntegrityReport.Violation;
import org.evergreen.ledger.Posting;
import org.evergreen.ledger.internal.EntryHasher.SealedEntry;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Recomputes every entry's hash and every seal, and checks the invariants over all data: entries balance,
 * stored balances equal their postings, no forbidden negative balance, lots add up. Reads in id-ordered
 * batches, so it needs no lock and little memory however large the ledger grows.
 */
@Component
public class IntegrityVerifier {

    private static final int BATCH = 5_000;
    /** Entries younger than this may not be sealed yet without anything being wrong. */
    private static final Duration SEALING_DELAY = Duration.ofMinutes(10);
    private static final int MAX_REPORTED_PER_CHECK = 1_000;
    /** Which accounts keep a balance row follows from their type, never from a column that could be edited. */
    private static final String TRACKED_TYPES = Arrays.stream(AccountType.values()).filter(AccountType::tracked)
            .map(type -> "'" + type.name() + "'").collect(Collectors.joining(", "));

    private record EntryRow(long id, String kind, String origin, String key, String actor, String reason,
                            String reference, String caseReference, Long reversesEntryId, LocalDateTime createdAt,
                            String contentHash) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final byte[] sealKey;

    public IntegrityVerifier(JdbcClient jdbc, Clock clock, @Value("${evergreen.ledger.seal-key:}") String sealKey) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.sealKey = sealKey.getBytes(StandardCharsets.UTF_8);
    }

    public IntegrityReport verify() {
        // Microseconds, as stored: the report read back from its run equals the one returned.
        Instant started = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Violation> violations = new ArrayList<>();
        long entries = checkEntries(violations);
        long seals = checkSeals(violations);
        checkUnsealed(violations, started);
        checkBalances(violations);
        checkLots(violations);
        checkHolds(violations);
        return new IntegrityReport(started, clock.instant().truncatedTo(ChronoUnit.MICROS), entries, seals, violations);
    }

    private long checkEntries(List<Violation> violations) {
        long checked = 0;
        long after = 0;
        while (true) {
            List<EntryRow> entries = jdbc.sql("""
                            SELECT id, kind, origin, idempotency_key, actor, reason, reference, case_reference,
                                   reverses_entry_id, created_at, content_hash
                            FROM ledger_entry WHERE id > ? ORDER BY id LIMIT ?""")
                    .params(after, BATCH)
                    .query((rs, n) -> new EntryRow(rs.getLong("id"), rs.getString("kind"), rs.getString("origin"),
                            rs.getString("idempotency_key"), rs.getString("actor"), rs.getString("reason"),
                            rs.getString("reference"), rs.getString("case_reference"),
                            rs.getObject("reverses_entry_id", Long.class),
                            rs.getObject("created_at", LocalDateTime.class), rs.getString("content_hash")))
                    .list();
            if (entries.isEmpty()) {
                return checked;
            }
            long first = entries.getFirst().id();
            long last = entries.getLast().id();
            Map<Long, List<Posting>> postings = new HashMap<>();
            jdbc.sql("SELECT entry_id, account_id, amount FROM ledger_posting WHERE entry_id BETWEEN ? AND ?")
                    .params(first, last)
                    .query(rs -> {
                        postings.computeIfAbsent(rs.getLong("entry_id"), id -> new ArrayList<>())
                                .add(new Posting(rs.getLong("account_id"), rs.getLong("amount")));
                    });
            for (EntryRow entry : entries) {
                List<Posting> own = postings.getOrDefault(entry.id(), List.of());
                String recomputed = EntryHasher.entryHash(entry.kind(), entry.origin(), entry.key(), entry.actor(),
                        entry.reason(), entry.reference(), entry.caseReference(), entry.reversesEntryId(),
                        entry.createdAt(), own);
                if (!recomputed.equals(entry.contentHash())) {
                    report(violations, Check.ENTRY_HASH, entry.id(), "content does not match its hash");
                }
                long sum = own.stream().mapToLong(Posting::amount).sum();
                if (own.size() < 2 || sum != 0) {
                    report(violations, Check.ENTRY_BALANCE, entry.id(), own.size() + " postings summing to " + sum);
                }
            }
            checked += entries.size();
            after = last;
        }
    }

    private long checkSeals(List<Violation> violations) {
        String previous = Sealer.GENESIS;
        long checked = 0;
        long after = 0;
        while (true) {
            record SealRow(long id, String previousHash, String sealHash, int entryCount) {
            }
            List<SealRow> seals = jdbc.sql("SELECT id, previous_hash, seal_hash, entry_count FROM ledger_seal WHERE id > ? ORDER BY id LIMIT 100")
                    .param(after)
                    .query((rs, n) -> new SealRow(rs.getLong("id"), rs.getString("previous_hash"), rs.getString("seal_hash"),
                            rs.getInt("entry_count")))
                    .list();
            if (seals.isEmpty()) {
                return checked;
            }
            for (SealRow seal : seals) {
                List<SealedEntry> covered = jdbc.sql("""
                                SELECT s.entry_id, e.content_hash FROM ledger_seal_entry s
                                LEFT JOIN ledger_entry e ON e.id = s.entry_id
                                WHERE s.seal_id = ? ORDER BY s.entry_id""")
                        .param(seal.id())
                        .query((rs, n) -> new SealedEntry(rs.getLong("entry_id"), String.valueOf(rs.getString("content_hash"))))
                        .list();
                if (!seal.previousHash().equals(previous)) {
                    report(violations, Check.SEAL, seal.id(), "does not chain to the seal before it");
                } else if (covered.size() != seal.entryCount()
                        || !EntryHasher.sealHash(previous, covered, sealKey).equals(seal.sealHash())) {
                    report(violations, Check.SEAL, seal.id(), "does not match the " + seal.entryCount() + " entries it covers");
                }
                previous = seal.sealHash();
                checked++;
                after = seal.id();
            }
        }
    }

    private void checkUnsealed(List<Violation> violations, Instant now) {
        jdbc.sql("""
                        SELECT e.id FROM ledger_entry e LEFT JOIN ledger_seal_entry s ON s.entry_id = e.id
                        WHERE s.entry_id IS NULL AND e.created_at < ? ORDER BY e.id LIMIT ?""")
                .params(UtcTimes.toColumn(now.minus(SEALING_DELAY)), MAX_REPORTED_PER_CHECK)
                .query(Long.class).list()
                .forEach(id -> report(violations, Check.UNSEALED, id, "older than " + SEALING_DELAY.toMinutes() + " minutes and unsealed"));
    }

    private void checkBalances(List<Violation> violations) {
        jdbc.sql("""
                        SELECT a.id, a.balance, COALESCE(SUM(p.amount), 0) AS posted FROM ledger_account a
                        LEFT JOIN ledger_posting p ON p.account_id = a.id
                        WHERE a.type IN (""" + TRACKED_TYPES + ") GROUP BY a.id, a.balance HAVING a.balance <> posted")
                .query(rs -> {
                    report(violations, Check.ACCOUNT_BALANCE, rs.getLong("id"),
                            "stored " + rs.getLong("balance") + ", postings sum to " + rs.getLong("posted"));
                });
        // Only a wallet or pool may owe points, and only after a reversal clawed back points already spent.
        jdbc.sql("""
                        SELECT a.id, a.type, a.balance FROM ledger_account a
                        WHERE a.type IN (""" + TRACKED_TYPES + """
                        ) AND a.balance < 0 AND NOT (a.type IN ('MEMBER_WALLET', 'HOUSEHOLD_POOL')
                          AND EXISTS (SELECT 1 FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id
                                      WHERE p.account_id = a.id AND e.kind = 'REVERSAL' AND p.amount < 0))""")
                .query(rs -> {
                    report(violations, Check.NEGATIVE_BALANCE, rs.getLong("id"), rs.getString("type") + " at " + rs.getLong("balance"));
                });
    }

    private void checkLots(List<Violation> violations) {
        jdbc.sql("""
                        SELECT a.id, a.balance, COALESCE(SUM(l.remaining), 0) AS in_lots FROM ledger_account a
                        LEFT JOIN ledger_lot l ON l.account_id = a.id
                        WHERE a.type IN (""" + TRACKED_TYPES + ") GROUP BY a.id, a.balance HAVING in_lots <> GREATEST(a.balance, 0)")
                .query(rs -> {
                    report(violations, Check.LOTS, rs.getLong("id"),
                            "balance " + rs.getLong("balance") + ", lots hold " + rs.getLong("in_lots"));
                });
        jdbc.sql("""
                        SELECT l.id, l.remaining, COALESCE(SUM(m.amount), 0) AS moved FROM ledger_lot l
                        LEFT JOIN ledger_lot_movement m ON m.lot_id = l.id
                        GROUP BY l.id, l.remaining HAVING l.remaining <> moved""")
                .query(rs -> {
                    report(violations, Check.LOT_MOVEMENTS, rs.getLong("id"),
                            "remaining " + rs.getLong("remaining") + ", movements sum to " + rs.getLong("moved"));
                });
    }

    /** Points in a held account are exactly those of its pending holds. */
    private void checkHolds(List<Violation> violations) {
        jdbc.sql("""
                        SELECT a.id, a.balance, COALESCE(SUM(h.amount), 0) AS pending FROM ledger_account a
                        LEFT JOIN ledger_hold h ON h.held_account_id = a.id AND h.status = 'PENDING'
                        WHERE a.type IN ('MEMBER_HELD', 'HOUSEHOLD_HELD')
                        GROUP BY a.id, a.balance HAVING a.balance <> pending""")
                .query(rs -> {
                    report(violations, Check.HOLDS, rs.getLong("id"),
                            "holds " + rs.getLong("balance") + ", pending holds add up to " + rs.getLong("pending"));
                });
    }

    private static void report(List<Violation> violations, Check check, long subjectId, String detail) {
        if (violations.stream().filter(violation -> violation.check() == check).count() < MAX_REPORTED_PER_CHECK) {
            violations.add(new Violation(check, subjectId, detail));
        }
    }
}
