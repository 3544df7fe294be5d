package org.evergreen.compliance;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;

/**
 * What a monitor found: where and when, how much it observed against its threshold, and the members and ledger
 * entries concerned, from which an admin may open a case.
 *
 * @param observed what the monitor counted (merchants, members, senders, purchases)
 * @param detail   the receipt number, the night or the amount, as the monitor names its subject
 * @param subjects each member concerned with the entries that credited them
 */
public record Finding(long id, Monitor monitor, @Nullable Long merchantId, @Nullable Long storeId, Instant observedFrom, Instant observedTo,
                      long observed, String detail, List<Subject> subjects, Status status, Instant detectedAt, @Nullable String reviewNote,
                      @Nullable Long caseId) {

    public enum Status { NEW, DISMISSED, CASE_OPENED }

    public record Subject(long memberId, List<Long> entryIds) {
    }
}
