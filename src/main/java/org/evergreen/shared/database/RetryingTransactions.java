package org.evergreen.shared.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Short write transactions, run again from the start when MariaDB chose them as a deadlock's victim or a lock
 * wait ran out (InnoDB rolls a deadlock victim back whole). Inside a caller's transaction nothing is retried
 * here: the caller's work is gone with it, so only the caller can start over.
 */
@Component
public class RetryingTransactions {

    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);
    private static final int MAX_ATTEMPTS = 8;

    private final TransactionTemplate transactions;

    public RetryingTransactions(PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public <T> T execute(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (PessimisticLockingFailureException contention) {
                if (attempt == MAX_ATTEMPTS) {
                    throw contention;
                }
                log.debug("Transaction retried after {} (attempt {})", contention.getClass().getSimpleName(), attempt);
                backOff(attempt);
            }
        }
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a transaction", e);
        }
    }
}
