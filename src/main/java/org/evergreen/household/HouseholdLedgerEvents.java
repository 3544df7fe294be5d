package org.evergreen.household;

import org.evergreen.catalog.PoolAccess;
import org.evergreen.catalog.RedemptionChanged;
import org.evergreen.earning.PointsEarned;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where households meet the other features: a sweep rides on every purchase's points, a pool redemption's
 * hold and release enter the household's history and its fulfilment is charged to the contributions, and the catalog asks who may redeem with which pool. The listeners
 * run synchronously, inside the transaction of the purchase or of the redemption's step, so both commit or neither.
 */
@Component
class HouseholdLedgerEvents implements PoolAccess {

    private final Households households;

    HouseholdLedgerEvents(Households households) {
        this.households = households;
    }

    @EventListener
    void on(PointsEarned earned) {
        households.sweep(earned.memberId(), earned.purchaseId(), earned.points());
    }

    @EventListener
    void on(RedemptionChanged changed) {
        if (changed.poolAccountId() != null) {
            households.poolRedemption(changed.poolAccountId(), changed.memberId(), changed.points(), changed.status());
        }
    }

    @Override
    public Optional<Long> redeemablePoolOf(long memberId) {
        return households.redeemablePoolOf(memberId);
    }

    @Override
    public Optional<Long> lockRedeemablePoolOf(long memberId) {
        return households.lockRedeemablePoolOf(memberId);
    }
}
