package org.evergreen.compliance;

import org.evergreen.catalog.CatalogPolicies;
import org.evergreen.ledger.AccountType;
import org.evergreen.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the coalition owes its members in points, valued at the published point value, beside (never mixed with) the
 * money members paid in points + cash redemptions: points live in the ledger, cash only in the catalog's payments.
 */
@Service
public class PointsLiability {

    /** The accounts whose points belong to members: spendable, held for redemptions, frozen under cases, pooled. */
    static final List<AccountType> MEMBERS_POINTS = List.of(AccountType.MEMBER_WALLET, AccountType.MEMBER_HELD, AccountType.MEMBER_FROZEN,
            AccountType.HOUSEHOLD_POOL, AccountType.HOUSEHOLD_HELD);

    /**
     * @param pointsByAccount outstanding points by kind of account
     * @param yuanPerPoint    the published point value now
     * @param liability       the outstanding points at that value, in CNY
     * @param cashReceived    money members paid with points + cash redemptions, in CNY, which never touches the ledger
     */
    public record Report(Instant at, Map<AccountType, Long> pointsByAccount, long outstandingPoints, BigDecimal yuanPerPoint,
                         BigDecimal liability, BigDecimal cashReceived, long cashPayments) {
    }

    private final JdbcClient jdbc;
    private final CatalogPolicies pointValues;
    private final Clock clock;

    private final CurrentUser currentUser;

    PointsLiability(JdbcClient jdbc, CatalogPolicies pointValues, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.pointValues = pointValues;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    @Transactional(readOnly = true)
    public Report now() {
        if (currentUser.supervisedRegions().isPresent()) {
            // The liability is the coalition's: a regulator limited to districts reads their merchants' audit reports instead.
            throw new AccessDeniedException("The coalition-wide liability is for regulators of the whole coalition");
        }
        Map<AccountType, Long> byAccount = new EnumMap<>(AccountType.class);
        MEMBERS_POINTS.forEach(type -> byAccount.put(type, 0L));
        jdbc.sql("SELECT type, SUM(balance) AS points FROM ledger_account WHERE type IN (:types) GROUP BY type")
                .param("types", MEMBERS_POINTS.stream().map(Enum::name).toList())
                .query(rs -> {
                    byAccount.put(AccountType.valueOf(rs.getString("type")), rs.getLong("points"));
                });
        long outstanding = byAccount.values().stream().mapToLong(Long::longValue).sum();
        BigDecimal value = pointValues.currentValue().yuanPerPoint();
        record Cash(BigDecimal amount, long count) {
        }
        Cash cash = jdbc.sql("SELECT COALESCE(SUM(amount), 0) AS amount, COUNT(*) AS payments FROM catalog_cash_payment WHERE currency = 'CNY'")
                .query((rs, n) -> new Cash(rs.getBigDecimal("amount"), rs.getLong("payments"))).single();
        return new Report(clock.instant(), byAccount, outstanding, value,
                value.multiply(BigDecimal.valueOf(outstanding)).setScale(2, RoundingMode.HALF_UP), cash.amount(), cash.count());
    }
}
