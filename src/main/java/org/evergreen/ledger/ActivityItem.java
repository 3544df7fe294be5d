package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One thing that happened to a member's points, as the member sees it: the entry (or, for a purchase paid by its
 * merchant and the platform together, the entries of that purchase) with its effect on their points.
 *
 * @param entryId           the (newest) entry
 * @param available         the change to the points the member can spend
 * @param frozen            the change to their frozen points
 * @param holdId            the hold a HOLD line placed, or null
 * @param reversedReference for a refund, the reference of the entry it takes back (the purchase); otherwise null
 */
public record ActivityItem(long entryId, EntryKind kind, String reason, @Nullable String reference,
                           @Nullable String reversedReference, @Nullable String caseReference, Instant createdAt,
                           long available, long frozen, @Nullable Long holdId) {

    /** The reference that says what the movement concerns: its own, or for a refund the purchase's. */
    public @Nullable String subject() {
        return reversedReference != null ? reversedReference : reference;
    }

    /** The points the line shows: what became spendable or stopped being so; a deduction takes frozen points. */
    public long points() {
        return available != 0 ? available : frozen;
    }

    /** The number after {@code prefix} in the subject ({@code purchase:812} → 812), or null when it has none. */
    public @Nullable Long subjectId(String prefix) {
        String subject = subject();
        if (subject == null || !subject.startsWith(prefix) || subject.length() == prefix.length()) {
            return null;
        }
        String digits = subject.substring(prefix.length());
        return digits.chars().allMatch(Character::isDigit) && digits.length() < 19 ? Long.valueOf(digits) : null;
    }
}
