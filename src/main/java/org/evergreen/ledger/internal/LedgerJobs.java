package org.evergreen.ledger.internal;

import org.evergreen.ledger.Ledger;
import org.evergreen.security.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Expires due lots and releases timed-out holds. Both are idempotent, so every node may run them. */
@Component
class LedgerJobs {

    private final Ledger ledger;
    private final Clock clock;

    LedgerJobs(Ledger ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${evergreen.ledger.expiry-interval:1m}", initialDelayString = "${evergreen.ledger.expiry-interval:1m}")
    void expireAndRelease() {
        SystemActor.run(() -> {
            ledger.releaseExpiredHolds(clock.instant());
            ledger.expireDueLots(clock.instant());
        });
    }
}
