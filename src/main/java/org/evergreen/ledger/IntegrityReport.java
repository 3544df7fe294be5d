package org.evergreen.ledger;

import java.time.Instant;
import java.util.List;

/** What one run of the invariant and integrity checks found. */
public record IntegrityReport(Instant startedAt, Instant finishedAt, long entriesChecked, long sealsChecked,
                              List<Violation> violations) {

    public IntegrityReport {
        violations = List.copyOf(violations);
    }

    public boolean clean() {
        return violations.isEmpty();
    }

    /**
     * One broken rule.
     *
     * @param check     which rule (see {@link Check})
     * @param subjectId the entry, seal, account or lot it concerns
     */
    public record Violation(Check check, long subjectId, String detail) {
    }

    public enum Check {
        /** An entry's stored content no longer matches its hash. */
        ENTRY_HASH,
        /** An entry's postings do not sum to zero, or it has fewer than two. */
        ENTRY_BALANCE,
        /** A seal does not match the entries it covers or the seal before it. */
        SEAL,
        /** An entry older than the sealing delay is covered by no seal. */
        UNSEALED,
        /** A stored balance differs from the sum of the account's postings. */
        ACCOUNT_BALANCE,
        /** A balance is below zero where no debt is allowed. */
        NEGATIVE_BALANCE,
        /** An account's lots do not add up to its balance. */
        LOTS,
        /** A lot's remaining points differ from its movements. */
        LOT_MOVEMENTS,
        /** A held account's balance differs from its pending holds. */
        HOLDS,
        /** A seal head published earlier is no longer in the journal as published: it was changed or cut off. */
        PUBLISHED_HEAD
    }
}
