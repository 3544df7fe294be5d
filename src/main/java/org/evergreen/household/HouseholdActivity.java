package org.evergreen.household;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One thing that happened in a household, newest first: who did it, to whom, and the points that moved (each such
 * movement is a ledger entry of the pool or the wallets).
 */
public record HouseholdActivity(Kind kind, @Nullable String memberName, String actorName, @Nullable Long points, Instant at) {

    public enum Kind {
        CREATED, INVITED, JOINED, DECLINED, POOLED, SWEPT, SWEEP_SET, SWEEP_STOPPED, GIFTED, POOL_HELD, POOL_RELEASED, REDEEMED, LEFT, REMOVED,
        HEAD_HANDED_OVER, REDEEM_GRANTED, REDEEM_REVOKED, DISSOLVED
    }
}
