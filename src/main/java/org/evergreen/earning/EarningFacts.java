package org.evergreen.earning;

import org.evergreen.member.Tier;

import java.time.Instant;

/** What the rules need to know of the member at the moment of a purchase. */
public record EarningFacts(Tier tier, boolean firstAtMerchant, boolean firstInCoalition, Instant memberJoinedAt) {
}
