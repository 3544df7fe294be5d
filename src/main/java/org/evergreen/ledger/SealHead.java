package org.evergreen.ledger;

import java.time.Instant;

/**
 * The newest seal of the journal: its place in the chain and its hash. Published outside the database (on a public page,
 * in every audit export), an earlier head lets anyone prove later that the journal up to it was neither changed nor cut
 * short, which the seals alone cannot: whoever rewrites the database could drop the newest entries with their seals.
 */
public record SealHead(long sealId, String sealHash, Instant sealedAt) {
}
