package org.evergreen.ledger;

/** A household pool's points: spendable now, and held for pending redemptions; 0 where no account exists yet. */
public record PoolPoints(long available, long held) {
}
