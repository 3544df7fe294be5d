package org.evergreen.catalog;

import java.util.Optional;

/**
 * Which household pool a member may redeem with. The household feature answers it; the catalog asks, so that it
 * never reads another feature's tables nor decides who belongs to a household.
 */
public interface PoolAccess {

    /** The ledger account of the pool this member may redeem from now, if any (and opened): to offer the choice. */
    Optional<Long> redeemablePoolOf(long memberId);

    /**
     * The same, asked inside the redemption's transaction: the answer holds until it commits (the household can
     * neither dissolve nor take the member's right away meanwhile).
     */
    Optional<Long> lockRedeemablePoolOf(long memberId);
}
