package org.evergreen.catalog;

import org.evergreen.security.SystemActor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Releases redemptions that were not fulfilled in time. Each release happens once, so every node may run this. */
@Component
class RedemptionJobs {

    private final Redemptions redemptions;

    RedemptionJobs(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @Scheduled(fixedDelayString = "${evergreen.catalog.expiry-interval:1m}", initialDelayString = "${evergreen.catalog.expiry-interval:1m}")
    void expireRedemptions() {
        SystemActor.run(redemptions::expireDue);
    }
}
