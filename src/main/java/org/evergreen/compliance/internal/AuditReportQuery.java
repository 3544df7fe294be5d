package org.evergreen.compliance.internal;

import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.SealHead;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The audit reports' read-only view of the journal, the purchases and refunds and the cases: one grouped pass over the
 * period's postings for the lines, and independent sums (account balances, purchase records) to reconcile them with.
 * Scoped reads take the merchants' accounts; {@code null} accounts mean the coalition (every account).
 */
@Component
public class AuditReportQuery {

    /** Postings of the period on the accounts that pay or take points, grouped as the report lists them. */
    public record CounterPostings(EntryKind kind, AccountType accountType, boolean forPurchase, @Nullable String reason, long entries,
                                  long amount) {
    }

    public record PurchaseSums(long purchases, BigDecimal spend, long recordedPoints, long ledgerPoints, long mismatched) {
    }

    public record RefundSums(long refunds, BigDecimal amount) {
    }

    public record CaseSums(long opened, long frozen, long released, long deducted, long deductedPoints) {
    }

    private static final List<String> MEMBER_ACCOUNTS = List.of(AccountType.MEMBER_WALLET.name(), AccountType.MEMBER_HELD.name(),
            AccountType.MEMBER_FROZEN.name(), AccountType.HOUSEHOLD_POOL.name(), AccountType.HOUSEHOLD_HELD.name());
    /** Placeholder merchant id for a scope with no merchants: an empty IN list is not SQL. */
    private static final List<Long> NO_MERCHANT = List.of(-1L);

    private final JdbcClient jdbc;

    AuditReportQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The merchants with a store in the district. */
    public List<Long> merchantsInRegion(String regionCode) {
        return jdbc.sql("SELECT DISTINCT merchant_id FROM merchant_store WHERE region_code = ? ORDER BY merchant_id")
                .param(regionCode).query(Long.class).list();
    }

    /** The issuance and redemption accounts these merchants have opened. */
    public List<Long> merchantAccounts(Collection<Long> merchantIds) {
        return jdbc.sql("SELECT id FROM ledger_account WHERE owner_id IN (:merchants) AND type IN ('MERCHANT_ISSUANCE', 'MERCHANT_REDEMPTION')")
                .param("merchants", merchantIds.isEmpty() ? NO_MERCHANT : merchantIds).query(Long.class).list();
    }

    /** The period's postings on the given accounts (null: every account that is not a member's), grouped by cause. */
    public List<CounterPostings> counterPostings(Instant from, Instant to, @Nullable Collection<Long> accounts) {
        if (accounts != null && accounts.isEmpty()) {
            return List.of();
        }
        String onAccounts = accounts == null ? "a.type NOT IN (:memberAccounts)" : "a.id IN (:accounts)";
        return jdbc.sql("""
                        SELECT e.kind, a.type, COALESCE(e.reference LIKE 'purchase:%%', FALSE) AS for_purchase,
                               CASE WHEN e.kind = 'ADJUSTMENT' OR (a.type = 'PLATFORM_PROMOTION' AND e.kind <> 'REVERSAL'
                                         AND COALESCE(e.reference NOT LIKE 'purchase:%%', TRUE)) THEN e.reason END AS reason,
                               COUNT(DISTINCT e.id) AS entries, SUM(p.amount) AS amount
                        FROM ledger_entry e JOIN ledger_posting p ON p.entry_id = e.id JOIN ledger_account a ON a.id = p.account_id
                        WHERE e.created_at >= :from AND e.created_at < :to AND %s
                        GROUP BY e.kind, a.type, for_purchase, reason
                        ORDER BY e.kind, a.type, reason""".formatted(onAccounts))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to))
                .param("memberAccounts", MEMBER_ACCOUNTS).param("accounts", accounts == null ? List.of(-1L) : accounts)
                .query((rs, n) -> new CounterPostings(EntryKind.valueOf(rs.getString("kind")), AccountType.valueOf(rs.getString("type")),
                        rs.getBoolean("for_purchase"), rs.getString("reason"), rs.getLong("entries"), rs.getLong("amount")))
                .list();
    }

    /** The points members hold now, by the balances kept beside the postings. */
    public long memberBalances() {
        return jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM ledger_account WHERE type IN (:memberAccounts)")
                .param("memberAccounts", MEMBER_ACCOUNTS).query(Long.class).single();
    }

    /** What entries created at or after {@code from} (and before {@code to}, if given) posted to one kind of member account, or to all. */
    public long memberPostings(Instant from, @Nullable Instant to, @Nullable AccountType accountType, @Nullable EntryKind kind) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(p.amount), 0)
                        FROM ledger_entry e JOIN ledger_posting p ON p.entry_id = e.id JOIN ledger_account a ON a.id = p.account_id
                        WHERE e.created_at >= :from AND e.created_at < :to AND a.type IN (:types)""" + (kind == null ? "" : " AND e.kind = :kind"))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to == null ? Instant.parse("9999-01-01T00:00:00Z") : to))
                .param("types", accountType == null ? MEMBER_ACCOUNTS : List.of(accountType.name()))
                .param("kind", kind == null ? "" : kind.name())
                .query(Long.class).single();
    }

    /** The frozen points members hold now. */
    public long frozenBalance() {
        return jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM ledger_account WHERE type = 'MEMBER_FROZEN'").query(Long.class).single();
    }

    /** Entries of the period (those touching the accounts, if given) whose postings do not sum to zero. */
    public long unbalancedEntries(Instant from, Instant to, @Nullable Collection<Long> accounts) {
        if (accounts != null && accounts.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        SELECT COUNT(*) FROM (
                            SELECT e.id FROM ledger_entry e JOIN ledger_posting p ON p.entry_id = e.id
                            WHERE e.created_at >= :from AND e.created_at < :to %s
                            GROUP BY e.id HAVING SUM(p.amount) <> 0) unbalanced"""
                        .formatted(accounts == null ? "" : "AND e.id IN (SELECT entry_id FROM ledger_posting WHERE account_id IN (:accounts))"))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to)).param("accounts", accounts == null ? List.of(-1L) : accounts)
                .query(Long.class).single();
    }

    /**
     * The purchases recorded in the period (of these merchants, if given), what they say they earned, and what the ledger
     * credited members for each of them (found by the entries' reference to the purchase).
     */
    public PurchaseSums purchases(Instant from, Instant to, @Nullable Collection<Long> merchantIds) {
        return jdbc.sql("""
                        SELECT COUNT(*) AS purchases, COALESCE(SUM(total), 0) AS spend, COALESCE(SUM(points), 0) AS recorded,
                               COALESCE(SUM(credited), 0) AS credited, COALESCE(SUM(points <> credited), 0) AS mismatched
                        FROM (SELECT p.total, p.points,
                                     (SELECT COALESCE(SUM(po.amount), 0)
                                      FROM ledger_entry e JOIN ledger_posting po ON po.entry_id = e.id
                                      JOIN ledger_account a ON a.id = po.account_id AND a.type = 'MEMBER_WALLET'
                                      WHERE e.reference = CONCAT('purchase:', p.id) AND e.kind = 'EARN') AS credited
                              FROM earning_purchase p
                              WHERE p.created_at >= :from AND p.created_at < :to %s) recorded"""
                        .formatted(merchantIds == null ? "" : "AND p.merchant_id IN (:merchants)"))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to))
                .param("merchants", merchantIds == null || merchantIds.isEmpty() ? NO_MERCHANT : merchantIds)
                .query((rs, n) -> new PurchaseSums(rs.getLong("purchases"), rs.getBigDecimal("spend"), rs.getLong("recorded"),
                        rs.getLong("credited"), rs.getLong("mismatched")))
                .single();
    }

    public RefundSums refunds(Instant from, Instant to, @Nullable Collection<Long> merchantIds) {
        return jdbc.sql("SELECT COUNT(*) AS refunds, COALESCE(SUM(amount), 0) AS amount FROM earning_refund WHERE created_at >= :from AND created_at < :to"
                        + (merchantIds == null ? "" : " AND merchant_id IN (:merchants)"))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to))
                .param("merchants", merchantIds == null || merchantIds.isEmpty() ? NO_MERCHANT : merchantIds)
                .query((rs, n) -> new RefundSums(rs.getLong("refunds"), rs.getBigDecimal("amount"))).single();
    }

    /** Cases opened, frozen and decided in the period (about these merchants' purchases, if given). */
    public CaseSums cases(Instant from, Instant to, @Nullable Collection<Long> merchantIds) {
        return jdbc.sql("""
                        SELECT COALESCE(SUM(opened_at >= :from AND opened_at < :to), 0) AS opened,
                               COALESCE(SUM(frozen_at >= :from AND frozen_at < :to), 0) AS frozen,
                               COALESCE(SUM(status = 'RELEASED' AND decided_at >= :from AND decided_at < :to), 0) AS released,
                               COALESCE(SUM(status = 'DEDUCTED' AND decided_at >= :from AND decided_at < :to), 0) AS deducted,
                               COALESCE(SUM(CASE WHEN status = 'DEDUCTED' AND decided_at >= :from AND decided_at < :to
                                                 THEN deducted_points END), 0) AS deducted_points
                        FROM compliance_case WHERE opened_at < :to""" + (merchantIds == null ? "" : " AND merchant_id IN (:merchants)"))
                .param("from", UtcTimes.toColumn(from)).param("to", UtcTimes.toColumn(to))
                .param("merchants", merchantIds == null || merchantIds.isEmpty() ? NO_MERCHANT : merchantIds)
                .query((rs, n) -> new CaseSums(rs.getLong("opened"), rs.getLong("frozen"), rs.getLong("released"), rs.getLong("deducted"),
                        rs.getLong("deducted_points")))
                .single();
    }

    /** The newest seal made before the instant. */
    public Optional<SealHead> sealBefore(Instant instant) {
        return jdbc.sql("SELECT id, seal_hash, created_at FROM ledger_seal WHERE created_at < ? ORDER BY id DESC LIMIT 1")
                .param(UtcTimes.toColumn(instant))
                .query((rs, n) -> new SealHead(rs.getLong("id"), rs.getString("seal_hash"),
                        UtcTimes.fromColumn(rs.getObject("created_at", LocalDateTime.class))))
                .optional();
    }
}
