package org.evergreen.ledger.internal;

import org.evergreen.ledger.AccountType;
import org.evergreen.shared.time.UtcTimes;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
    private final Clock clock;
    private final Map<Owner, Long> idsByOwner = new ConcurrentHashMap<>();
    private final Map<Long, Account> accountsById = new ConcurrentHashMap<>();

    public AccountDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The account of this type and owner, opened on first use (safe when two nodes race to open it). It is
     * opened in the caller's transaction: a transaction of its own would take a second pooled connection while
     * the caller holds one, and under load every request would wait for a connection none of them gives back.
     * The id is cached only once it is committed, so a rolled-back posting never leaves a cached id without its row.
     */
    public long accountId(AccountType type, long ownerId) {
        Owner owner = new Owner(type, ownerId);
        Long cached = idsByOwner.get(owner);
        if (cached != null) {
            return cached;
        }
        Long id = jdbc.sql("SELECT id FROM ledger_account WHERE type = ? AND owner_id = ?")
                .params(type.name(), ownerId).query(Long.class).optional().orElse(null);
        if (id == null) {
            // A plain insert, not an upsert: an upsert's gap locks would make members with neighbouring ids wait
            // for each other's first postings.
            try {
                jdbc.sql("INSERT INTO ledger_account (type, owner_id, tracked, balance, created_at) VALUES (?, ?, ?, 0, ?)")
                        .params(type.name(), ownerId, type.tracked(), UtcTimes.toColumn(clock.instant()))
                        .update();
            } catch (DuplicateKeyException openedMeanwhile) {
                // Another transaction opened it first: use that one.
            }
            id = jdbc.sql("SELECT id FROM ledger_account WHERE type = ? AND owner_id = ?")
                    .params(type.name(), ownerId).query(Long.class).single();
        }
        Account account = new Account(id, type, ownerId);
        Runnable remember = () -> {
            idsByOwner.put(owner, account.id());
            accountsById.put(account.id(), account);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember.run();
                }
            });
        } else {
            remember.run();
        }
        return id;
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
