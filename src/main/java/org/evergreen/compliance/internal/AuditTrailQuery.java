package org.evergreen.compliance.internal;

import org.evergreen.compliance.AuditEntry;
import org.evergreen.compliance.AuditEntryDetail;
import org.evergreen.compliance.AuditFilter;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.shared.time.UtcTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The audit trail's read-only view of the journal (ledger entries, postings, accounts, seals) and of member numbers:
 * a report that joins across features reads through its own query object, never through the features' write paths.
 */
@Component
public class AuditTrailQuery {

    /** A posting found by an account-driven scan: its id orders the scan, its entry is what the trail lists. */
    public record PostingRef(long postingId, long entryId) {
    }

    private static final String ENTRY_COLUMNS = """
            SELECT e.id, e.kind, e.created_at, e.actor, e.reason, e.reference, e.case_reference,
                   (SELECT COALESCE(SUM(p.amount), 0) FROM ledger_posting p WHERE p.entry_id = e.id AND p.amount > 0) AS points,
                   (SELECT s.seal_id FROM ledger_seal_entry s WHERE s.entry_id = e.id) AS seal_id
            FROM ledger_entry e
            """;

    private final JdbcClient jdbc;

    AuditTrailQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The statement (the wallet's id, grouping wallet, held and frozen) of the member with this number, if any. */
    public Optional<Long> memberStatement(String memberNumber) {
        return jdbc.sql("""
                        SELECT a.id FROM member_member m JOIN ledger_account a ON a.owner_id = m.user_id AND a.type = 'MEMBER_WALLET'
                        WHERE m.member_number = ?""")
                .param(memberNumber).query(Long.class).optional();
    }

    /** The merchants' issuance and redemption accounts (those they have opened). */
    public List<Long> merchantAccounts(Collection<Long> merchantIds) {
        if (merchantIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM ledger_account WHERE owner_id IN (:merchants) AND type IN ('MERCHANT_ISSUANCE', 'MERCHANT_REDEMPTION')")
                .param("merchants", merchantIds).query(Long.class).list();
    }

    /**
     * The newest entries after the cursor entry {@code before} that match the filter's entry conditions. A filter with
     * dates walks the time index (newest first, the entry id breaking ties), so that an old month is found at once;
     * one with a kind walks the kind index; any other walks the entries by id.
     */
    public List<AuditEntry> entriesBefore(AuditFilter filter, long before, int limit) {
        if (filter.from() != null || filter.to() != null) {
            Optional<LocalDateTime> cursorTime = before == Long.MAX_VALUE ? Optional.empty()
                    : jdbc.sql("SELECT created_at FROM ledger_entry WHERE id = ?").param(before).query(LocalDateTime.class).optional();
            return jdbc.sql(ENTRY_COLUMNS + "WHERE 1 = 1" + (cursorTime.isEmpty() ? ""
                            : " AND e.created_at <= :cursorTime AND (e.created_at < :cursorTime OR e.id < :before)")
                            + entryConditions(filter) + havingPoints(filter) + " ORDER BY e.created_at DESC, e.id DESC LIMIT :limit")
                    .param("before", before).param("cursorTime", cursorTime.orElse(LocalDateTime.MAX)).param("limit", limit)
                    .params(parameters(filter))
                    .query(AuditTrailQuery::toEntry).list();
        }
        return jdbc.sql(ENTRY_COLUMNS + "WHERE e.id < :before" + entryConditions(filter) + havingPoints(filter)
                        + " ORDER BY " + (filter.kind() == null ? "e.id DESC" : "e.kind DESC, e.id DESC") + " LIMIT :limit")
                .param("before", before).param("limit", limit).params(parameters(filter))
                .query(AuditTrailQuery::toEntry).list();
    }

    /** These entries, those that match the filter's entry conditions, newest first. */
    public List<AuditEntry> entries(Collection<Long> entryIds, AuditFilter filter) {
        if (entryIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(ENTRY_COLUMNS + "WHERE e.id IN (:ids)" + entryConditions(filter) + havingPoints(filter) + " ORDER BY e.id DESC")
                .param("ids", entryIds).params(parameters(filter))
                .query(AuditTrailQuery::toEntry).list();
    }

    /** One account's postings (or one statement's, for {@code statement}) below the posting id {@code before}, newest first. */
    public List<PostingRef> postingsBefore(boolean statement, long accountOrStatement, long before, int limit) {
        return jdbc.sql("SELECT id, entry_id FROM ledger_posting WHERE " + (statement ? "statement_id" : "account_id")
                        + " = ? AND id < ? ORDER BY id DESC LIMIT ?")
                .params(accountOrStatement, before, limit)
                .query((rs, n) -> new PostingRef(rs.getLong("id"), rs.getLong("entry_id"))).list();
    }

    public Optional<AuditEntry> entry(long entryId) {
        return jdbc.sql(ENTRY_COLUMNS + "WHERE e.id = ?").param(entryId).query(AuditTrailQuery::toEntry).optional();
    }

    public List<AuditEntryDetail.Movement> postings(long entryId) {
        return jdbc.sql("""
                        SELECT a.type, a.owner_id, p.amount FROM ledger_posting p JOIN ledger_account a ON a.id = p.account_id
                        WHERE p.entry_id = ? ORDER BY p.id""")
                .param(entryId)
                .query((rs, n) -> new AuditEntryDetail.Movement(AccountType.valueOf(rs.getString("type")), rs.getLong("owner_id"),
                        rs.getLong("amount")))
                .list();
    }

    public Optional<AuditEntryDetail.Seal> seal(long sealId) {
        return jdbc.sql("SELECT id, seal_hash, created_at FROM ledger_seal WHERE id = ?").param(sealId)
                .query((rs, n) -> new AuditEntryDetail.Seal(rs.getLong("id"), rs.getString("seal_hash"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class))))
                .optional();
    }

    /** The redemption whose points this hold entry held (a hold is made before its redemption exists, so it names the reward). */
    public Optional<Long> redemptionHeldBy(long holdEntryId) {
        return jdbc.sql("SELECT r.id FROM catalog_redemption r JOIN ledger_hold h ON h.id = r.hold_id WHERE h.hold_entry_id = ?")
                .param(holdEntryId).query(Long.class).optional();
    }

    /** The case with this reference. */
    public Optional<Long> caseId(String caseReference) {
        return jdbc.sql("SELECT id FROM compliance_case WHERE reference = ?").param(caseReference).query(Long.class).optional();
    }

    private static String entryConditions(AuditFilter filter) {
        return (filter.kind() == null ? "" : " AND e.kind = :kind")
                + (filter.from() == null ? "" : " AND e.created_at >= :from")
                + (filter.to() == null ? "" : " AND e.created_at < :to");
    }

    private static String havingPoints(AuditFilter filter) {
        if (filter.minPoints() == null && filter.maxPoints() == null) {
            return "";
        }
        return " HAVING 1 = 1" + (filter.minPoints() == null ? "" : " AND points >= :minPoints")
                + (filter.maxPoints() == null ? "" : " AND points <= :maxPoints");
    }

    private static Map<String, Object> parameters(AuditFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        if (filter.kind() != null) {
            parameters.put("kind", filter.kind().name());
        }
        if (filter.from() != null) {
            parameters.put("from", UtcTimes.toColumn(filter.from()));
        }
        if (filter.to() != null) {
            parameters.put("to", UtcTimes.toColumn(filter.to()));
        }
        if (filter.minPoints() != null) {
            parameters.put("minPoints", filter.minPoints());
        }
        if (filter.maxPoints() != null) {
            parameters.put("maxPoints", filter.maxPoints());
        }
        return parameters;
    }

    private static AuditEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), EntryKind.valueOf(rs.getString("kind")),
                UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class)), rs.getString("actor"), rs.getString("reason"),
                rs.getString("reference"), rs.getString("case_reference"), rs.getLong("points"), rs.getObject("seal_id", Long.class));
    }
}
