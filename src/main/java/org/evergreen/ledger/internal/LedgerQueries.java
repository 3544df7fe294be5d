package org.evergreen.ledger.internal;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.ActivityItem;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.HistoryFilter;
import org.evergreen.ledger.HistoryItem;
import org.evergreen.ledger.Hold;
import org.evergreen.ledger.HoldStatus;
import org.evergreen.ledger.MemberPoints;
import org.evergreen.ledger.Posting;
import org.evergreen.ledger.SealHead;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads of the ledger tables, and the few writes that belong to holds. */
@Component
public class LedgerQueries {

    public record StoredEntry(long id, EntryKind kind, List<Posting> postings) {
    }

    public record DueLot(long lotId, long accountId, long remaining) {
    }

    /** Reference of a partial clawback of an earn entry: {@code clawback-of:<entry id>}. */
    public static final String CLAWBACK_REFERENCE = "clawback-of:";

    /** A page of movements; a reversal or clawback also names the reference of the entry it takes back (by primary key). */
    private static final String HISTORY_SELECT = """
            SELECT p.id AS posting_id, p.amount, a.type AS account_type, e.id AS entry_id, e.kind, e.reason,
                   e.reference, e.case_reference, e.reverses_entry_id, reversed.reference AS reversed_reference, e.created_at
            FROM ledger_posting p
            JOIN ledger_entry e ON e.id = p.entry_id
            JOIN ledger_account a ON a.id = p.account_id
            LEFT JOIN ledger_entry reversed ON reversed.id = COALESCE(e.reverses_entry_id,
                IF(e.reference LIKE '%1$s%%', CAST(SUBSTRING(e.reference, %2$d) AS UNSIGNED), NULL))
            """.formatted(CLAWBACK_REFERENCE, CLAWBACK_REFERENCE.length() + 1);

    /** A member's activity: their statement without their held account; one purchase's earns are one line. */
    private static final String ACTIVITY_WHERE = " WHERE p.statement_id = :wallet AND p.account_id <> :held";
    private static final String ACTIVITY_GROUP =
            " GROUP BY IF(e.kind = 'EARN' AND e.reference LIKE 'purchase:%', e.reference, CONCAT('#', e.id))";

    private final JdbcClient jdbc;

    public LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredEntry> entry(long entryId) {
        Optional<EntryKind> kind = jdbc.sql("SELECT kind FROM ledger_entry WHERE id = ?").param(entryId)
                .query(String.class).optional().map(EntryKind::valueOf);
        return kind.map(found -> new StoredEntry(entryId, found,
                jdbc.sql("SELECT account_id, amount FROM ledger_posting WHERE entry_id = ? ORDER BY id")
                        .param(entryId)
                        .query((rs, n) -> new Posting(rs.getLong("account_id"), rs.getLong("amount")))
                        .list()));
    }

    /** Points already clawed back from an earn entry by partial reversals. */
    public long clawedBack(long earnEntryId) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount), 0) FROM ledger_entry e JOIN ledger_posting p ON p.entry_id = e.id
                        WHERE e.kind = 'REVERSAL' AND e.reference = ? AND p.amount > 0""")
                .param(CLAWBACK_REFERENCE + earnEntryId).query(Long.class).single();
    }

    /** The entry its origin posted under this idempotency key, if there is one. */
    public Optional<Long> entryId(String origin, String idempotencyKey) {
        return jdbc.sql("SELECT id FROM ledger_entry WHERE origin = ? AND idempotency_key = ?").params(origin, idempotencyKey)
                .query(Long.class).optional();
    }

    /** The whole-entry reversal of an entry, if there is one. */
    public Optional<Long> reversalOf(long entryId) {
        return jdbc.sql("SELECT id FROM ledger_entry WHERE reverses_entry_id = ?").param(entryId).query(Long.class).optional();
    }

    public List<Long> lotsCreatedBy(long entryId) {
        return jdbc.sql("SELECT id FROM ledger_lot WHERE entry_id = ? ORDER BY id").param(entryId).query(Long.class).list();
    }

    public void insertHold(long holdEntryId, long sourceAccountId, long heldAccountId, long amount, @Nullable Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO ledger_hold (hold_entry_id, source_account_id, held_account_id, amount, status, expires_at)
                        VALUES (?, ?, ?, ?, 'PENDING', ?)""")
                .params(holdEntryId, sourceAccountId, heldAccountId, amount, expiresAt == null ? null : UtcTimes.toColumn(expiresAt))
                .update();
    }

    /**
     * Moves a pending hold to its outcome; false when it was no longer pending, or, for a capture at
     * {@code capturedAt}, when its time had run out.
     */
    public boolean resolveHold(long holdId, HoldStatus outcome, long resolvedEntryId, @Nullable Instant capturedAt) {
        return jdbc.sql("""
                        UPDATE ledger_hold SET status = :outcome, resolved_entry_id = :entry
                        WHERE id = :hold AND status = 'PENDING' AND (:at IS NULL OR expires_at IS NULL OR expires_at > :at)""")
                .param("outcome", outcome.name()).param("entry", resolvedEntryId).param("hold", holdId)
                .param("at", capturedAt == null ? null : UtcTimes.toColumn(capturedAt))
                .update() == 1;
    }

    public Optional<Hold> hold(long holdId) {
        return jdbc.sql("SELECT * FROM ledger_hold WHERE id = ?").param(holdId).query(LedgerQueries::toHold).optional();
    }

    public Optional<Hold> holdByEntry(long holdEntryId) {
        return jdbc.sql("SELECT * FROM ledger_hold WHERE hold_entry_id = ?").param(holdEntryId).query(LedgerQueries::toHold).optional();
    }

    public List<Long> expiredPendingHolds(Instant now) {
        return jdbc.sql("SELECT id FROM ledger_hold WHERE status = 'PENDING' AND expires_at <= ? ORDER BY id LIMIT 1000")
                .param(UtcTimes.toColumn(now)).query(Long.class).list();
    }

    /** Lots of spendable accounts that expired by {@code now} and still hold points, after lot {@code afterLotId}. */
    public List<DueLot> dueLots(Instant now, long afterLotId, int limit) {
        return jdbc.sql("""
                        SELECT l.id, l.account_id, l.remaining FROM ledger_lot l
                        JOIN ledger_account a ON a.id = l.account_id
                        WHERE l.expires_at <= ? AND l.remaining > 0 AND l.id > ? AND a.type IN ('MEMBER_WALLET', 'HOUSEHOLD_POOL')
                        ORDER BY l.id LIMIT ?""")
                .params(UtcTimes.toColumn(now), afterLotId, limit)
                .query((rs, n) -> new DueLot(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("remaining")))
                .list();
    }

    public long balance(long accountId, boolean tracked) {
        return tracked
                ? jdbc.sql("SELECT balance FROM ledger_account WHERE id = ?").param(accountId).query(Long.class).single()
                : jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM ledger_posting WHERE account_id = ?")
                .param(accountId).query(Long.class).single();
    }

    public List<MemberPoints.Expiring> expiring(long accountId, Instant from, Instant until) {
        return jdbc.sql("""
                        SELECT SUM(remaining) AS amount, expires_at FROM ledger_lot
                        WHERE account_id = ? AND remaining > 0 AND expires_at > ? AND expires_at <= ?
                        GROUP BY expires_at ORDER BY expires_at""")
                .params(accountId, UtcTimes.toColumn(from), UtcTimes.toColumn(until))
                .query((rs, n) -> new MemberPoints.Expiring(rs.getLong("amount"),
                        UtcTimes.fromColumn(rs.getObject("expires_at", LocalDateTime.class))))
                .list();
    }

    /** A statement's movements, newest first. The posting ids are found on the statement index alone, then joined. */
    public List<HistoryItem> history(long statementId, HistoryFilter filter, int offset, int limit) {
        if (filter.kind() == null && filter.from() == null && filter.to() == null) {
            return jdbc.sql(HISTORY_SELECT + """
                            JOIN (SELECT id FROM ledger_posting WHERE statement_id = ? ORDER BY id DESC LIMIT ? OFFSET ?) page
                              ON page.id = p.id
                            ORDER BY p.id DESC""")
                    .params(statementId, limit, offset)
                    .query(LedgerQueries::toHistoryItem).list();
        }
        return jdbc.sql(HISTORY_SELECT + "WHERE p.statement_id = :statement" + filterSql(filter)
                        + " ORDER BY p.id DESC LIMIT :limit OFFSET :offset")
                .param("statement", statementId)
                .params(filterParams(filter))
                .param("limit", limit).param("offset", offset)
                .query(LedgerQueries::toHistoryItem).list();
    }

    /** Keyset pagination: the page of movements older than posting {@code before}. */
    public List<HistoryItem> historyBefore(long statementId, HistoryFilter filter, @Nullable Long before, int limit) {
        long cursor = before == null ? Long.MAX_VALUE : before;
        if (filter.kind() == null && filter.from() == null && filter.to() == null) {
            return jdbc.sql(HISTORY_SELECT + """
                            JOIN (SELECT id FROM ledger_posting WHERE statement_id = ? AND id < ? ORDER BY id DESC LIMIT ?) page
                              ON page.id = p.id
                            ORDER BY p.id DESC""")
                    .params(statementId, cursor, limit)
                    .query(LedgerQueries::toHistoryItem).list();
        }
        return jdbc.sql(HISTORY_SELECT + "WHERE p.statement_id = :statement AND p.id < :before" + filterSql(filter)
                        + " ORDER BY p.id DESC LIMIT :limit")
                .param("statement", statementId)
                .param("before", cursor)
                .params(filterParams(filter))
                .param("limit", limit)
                .query(LedgerQueries::toHistoryItem).list();
    }

    public long historyCount(long statementId, HistoryFilter filter) {
        return jdbc.sql("SELECT COUNT(*) FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id "
                        + "WHERE p.statement_id = :statement" + filterSql(filter))
                .param("statement", statementId)
                .params(filterParams(filter))
                .query(Long.class).single();
    }

    public Optional<SealHead> newestSeal() {
        return jdbc.sql("SELECT id, seal_hash, created_at FROM ledger_seal ORDER BY id DESC LIMIT 1")
                .query((rs, n) -> new SealHead(rs.getLong("id"), rs.getString("seal_hash"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class))))
                .optional();
    }

    public Optional<String> sealHash(long sealId) {
        return jdbc.sql("SELECT seal_hash FROM ledger_seal WHERE id = ?").param(sealId).query(String.class).optional();
    }

    /**
     * A member's activity, newest first: their statement's postings grouped by entry, leaving out the postings of
     * their held account (a hold's completion moves nothing they can spend), and one purchase's earns grouped as one.
     */
    public List<ActivityItem> activity(long walletId, long heldId, long frozenId, @Nullable Instant from, @Nullable Instant to,
                                       int offset, int limit) {
        return jdbc.sql("""
                        SELECT MAX(e.id) AS entry_id, MIN(e.kind) AS kind, MIN(e.reason) AS reason, MIN(e.reference) AS reference,
                               MIN(e.case_reference) AS case_reference, MIN(reversed.reference) AS reversed_reference,
                               MAX(e.created_at) AS created_at,
                               SUM(IF(p.account_id = :wallet, p.amount, 0)) AS available,
                               SUM(IF(p.account_id = :frozen, p.amount, 0)) AS frozen, MIN(h.id) AS hold_id
                        FROM ledger_posting p
                        JOIN ledger_entry e ON e.id = p.entry_id
                        LEFT JOIN ledger_hold h ON h.hold_entry_id = e.id
                        LEFT JOIN ledger_entry reversed ON reversed.id = COALESCE(e.reverses_entry_id,
                            IF(e.reference LIKE '%1$s%%', CAST(SUBSTRING(e.reference, %2$d) AS UNSIGNED), NULL))
                        """.formatted(CLAWBACK_REFERENCE, CLAWBACK_REFERENCE.length() + 1)
                        + ACTIVITY_WHERE + activityTimeSql(from, to) + ACTIVITY_GROUP + """
                         ORDER BY entry_id DESC LIMIT :limit OFFSET :offset""")
                .param("wallet", walletId).param("held", heldId).param("frozen", frozenId)
                .params(activityTimeParams(from, to))
                .param("limit", limit).param("offset", offset)
                .query((rs, n) -> new ActivityItem(rs.getLong("entry_id"), EntryKind.valueOf(rs.getString("kind")), rs.getString("reason"),
                        rs.getString("reference"), rs.getString("reversed_reference"), rs.getString("case_reference"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)), rs.getLong("available"), rs.getLong("frozen"),
                        rs.getObject("hold_id", Long.class)))
                .list();
    }

    public long activityCount(long walletId, long heldId, @Nullable Instant from, @Nullable Instant to) {
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM ledger_posting p JOIN ledger_entry e ON e.id = p.entry_id"
                        + ACTIVITY_WHERE + activityTimeSql(from, to) + ACTIVITY_GROUP + ") activity_lines")
                .param("wallet", walletId).param("held", heldId)
                .params(activityTimeParams(from, to))
                .query(Long.class).single();
    }

    private static String activityTimeSql(@Nullable Instant from, @Nullable Instant to) {
        return (from == null ? "" : " AND e.created_at >= :from") + (to == null ? "" : " AND e.created_at < :to");
    }

    private static Map<String, Object> activityTimeParams(@Nullable Instant from, @Nullable Instant to) {
        return filterParams(new HistoryFilter(null, from, to));
    }

    private static String filterSql(HistoryFilter filter) {
        return (filter.kind() == null ? "" : " AND e.kind = :kind")
                + (filter.from() == null ? "" : " AND e.created_at >= :from")
                + (filter.to() == null ? "" : " AND e.created_at < :to");
    }

    private static Map<String, Object> filterParams(HistoryFilter filter) {
        Map<String, Object> params = new HashMap<>();
        if (filter.kind() != null) {
            params.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            params.put("from", UtcTimes.toColumn(filter.from()));
        }
        if (filter.to() != null) {
            params.put("to", UtcTimes.toColumn(filter.to()));
        }
        return params;
    }

    private static HistoryItem toHistoryItem(ResultSet rs, int rowNum) throws SQLException {
        return new HistoryItem(rs.getLong("posting_id"), rs.getLong("entry_id"), EntryKind.valueOf(rs.getString("kind")),
                AccountType.valueOf(rs.getString("account_type")), rs.getLong("amount"), rs.getString("reason"),
                rs.getString("reference"), rs.getString("case_reference"), rs.getObject("reverses_entry_id", Long.class),
                rs.getString("reversed_reference"), UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)));
    }

    private static Hold toHold(ResultSet rs, int rowNum) throws SQLException {
        LocalDateTime expiresAt = rs.getObject("expires_at", LocalDateTime.class);
        return new Hold(rs.getLong("id"), rs.getLong("hold_entry_id"), rs.getLong("source_account_id"),
                rs.getLong("held_account_id"), rs.getLong("amount"), HoldStatus.valueOf(rs.getString("status")),
                expiresAt == null ? null : UtcTimes.fromColumn(expiresAt), rs.getObject("resolved_entry_id", Long.class));
    }
}
