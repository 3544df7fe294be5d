package org.evergreen.green;

import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.evergreen.green.internal.GreenImpactRepository;
import org.evergreen.shared.database.RetryingTransactions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Follows the purchase events for the green aggregates, after each purchase's commit and in a transaction of its own:
 * it claims the purchase or refund and appends what it adds, which the folder then folds into the aggregates. Each event
 * counts once however often it is delivered (a retry after a failure, a republication at restart): the first statement
 * of each delivery claims the purchase or refund by its id, and a delivery that finds it claimed changes nothing.
 * {@code evergreen.green.listening=false} leaves it out (the green benchmark measures the till without it); nothing then
 * follows the purchases.
 *
 * <p>What {@code @ApplicationModuleListener} stands for (asynchronous, after the commit, completed in the publication
 * registry), with the transaction opened by {@link RetryingTransactions} instead of the annotation, so that a deadlock
 * victim (a refund locks its purchase's claim) is run again at once rather than left for the next restart.
 */
@Component
@ConditionalOnProperty(name = "evergreen.green.listening", havingValue = "true", matchIfMissing = true)
class GreenImpactListener {

    private final GreenImpactRepository impact;
    private final RetryingTransactions transactions;

    GreenImpactListener(GreenImpactRepository impact, RetryingTransactions transactions) {
        this.impact = impact;
        this.transactions = transactions;
    }

    @Async
    @TransactionalEventListener
    void on(PurchaseRecorded purchase) {
        transactions.execute(() -> {
            impact.add(purchase);
            return null;
        });
    }

    @Async
    @TransactionalEventListener
    void on(PurchaseRefunded refund) {
        transactions.execute(() -> {
            impact.takeBack(refund);
            return null;
        });
    }
}
