package org.evergreen.ledger.internal;

import org.evergreen.ledger.AccountType;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds or opens accounts. An account's id, type and owner never change, so every node may cache them. */
@Component
public class AccountDirectory {

    /** An account's fixed facts. */
    public record Account(long id, AccountType type, long ownerId) {
    }

    private record Owner(AccountType type, long ownerId) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final Map<Owner, Long> idsByOwner = new ConcurrentHashMap<>();
    private final Map<Long, Account> accountsById = new ConcurrentHashMap<>();

    public AccountDirectory(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        // Opened and committed on its own, so a rolled-back posting never leaves a cached id without its row.
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** The account of this type and owner, opened on first use (safe when two nodes race to open it). */
    public long accountId(AccountType type, long ownerId) {
        return idsByOwner.computeIfAbsent(new Owner(type, ownerId), owner -> ownTransaction.execute(status -> {
            jdbc.sql("""
                            INSERT INTO ledger_account (type, owner_id, tracked, balance, created_at)
                            VALUES (?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE id = id""")
                    .params(type.name(), ownerId, type.tracked(), UtcTimes.toColumn(clock.instant()))
                    .update();
            long id = jdbc.sql("SELECT id FROM ledger_account WHERE type = ? AND owner_id = ?")
                    .params(type.name(), ownerId).query(Long.class).single();
            accountsById.put(id, new Account(id, type, ownerId));
            return id;
        }));
    }

    /** The id of the account of this type and owner, or null when it has not been opened yet. */
    public @Nullable Long existingAccountId(AccountType type, long ownerId) {
        Long cached = idsByOwner.get(new Owner(type, ownerId));
        if (cached != null) {
            return cached;
        }
        Long found = jdbc.sql("SELECT id FROM ledger_account WHERE type = ? AND owner_id = ?")
                .params(type.name(), ownerId).query(Long.class).optional().orElse(null);
        if (found != null) {
            idsByOwner.put(new Owner(type, ownerId), found);
        }
        return found;
    }

    public Account account(long accountId) {
        return accountsById.computeIfAbsent(accountId, id -> jdbc.sql("SELECT id, type, owner_id FROM ledger_account WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Account(rs.getLong("id"), AccountType.valueOf(rs.getString("type")), rs.getLong("owner_id")))
                .optional()
                .orElseThrow(() -> new IllegalArgumentException("No ledger account " + id)));
    }

    public AccountType type(long accountId) {
        return account(accountId).type();
    }

    /**
     * The statement a posting belongs to: the owner's wallet (or pool) for member-facing accounts, else none.
     * Only read, never opened here: this runs inside posting transactions, and points reach a held or frozen
     * account only from the wallet or pool, which therefore exists.
     */
    public @Nullable Long statementOf(long accountId) {
        Account account = account(accountId);
        return switch (account.type()) {
            case MEMBER_WALLET, HOUSEHOLD_POOL -> account.id();
            case MEMBER_HELD, MEMBER_FROZEN -> existingAccountId(AccountType.MEMBER_WALLET, account.ownerId());
            case HOUSEHOLD_HELD -> existingAccountId(AccountType.HOUSEHOLD_POOL, account.ownerId());
            default -> null;
        };
    }
}
