package org.evergreen.member;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a member sees about themselves. The member number identifies them at tills.
 *
 * @param qualifyingSpend the rolling 12-month spend, in yuan, that the tier was last worked out from
 */
public record MemberProfile(long userId, String memberNumber, Tier tier, BigDecimal qualifyingSpend, Instant joinedAt) {
}
