package org.evergreen.ledger;

import java.time.Instant;
import java.util.List;

/**
 * A member's points at a glance.
 *
 * @param available spendable now (negative while a refund clawback is being repaid)
 * @param held      reserved for redemptions not yet fulfilled
 * @param frozen    frozen by a recorded case
 * @param expiring  points that expire within the window asked for, soonest first
 */
public record MemberPoints(long available, long held, long frozen, List<Expiring> expiring) {

    public record Expiring(long amount, Instant expiresAt) {
    }

    public long expiringTotal() {
        return expiring.stream().mapToLong(Expiring::amount).sum();
    }
}
