package org.evergreen.ledger;

/** One leg of an entry: points into (positive) or out of (negative) an account. */
public record Posting(long accountId, long amount) {
}
