package org.evergreen.green;

import org.evergreen.earning.PurchaseRecorded;
import org.evergreen.earning.PurchaseRefunded;
import org.evergreen.green.internal.GreenImpactRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the green aggregates up to date from the purchase events, after each purchase's commit and in a transaction
 * of its own. Each event counts once however often it is delivered (a retry after a failure, a republication at
 * restart): the first statement of each delivery claims the purchase or refund by its id, and a delivery that finds it
 * claimed changes nothing. {@code evergreen.green.listening=false} leaves it out (the green benchmark measures the till
 * without it); nothing then follows the purchases.
 */
@Component
@ConditionalOnProperty(name = "evergreen.green.listening", havingValue = "true", matchIfMissing = true)
class GreenImpactListener {

    private final GreenImpactRepository impact;

    GreenImpactListener(GreenImpactRepository impact) {
        this.impact = impact;
    }

    @ApplicationModuleListener
    void on(PurchaseRecorded purchase) {
        impact.add(purchase);
    }

    @ApplicationModuleListener
    void on(PurchaseRefunded refund) {
        impact.takeBack(refund);
    }
}
