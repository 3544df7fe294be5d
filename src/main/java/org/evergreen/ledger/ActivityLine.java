package org.evergreen.ledger;

/** A member's activity line: what happened to their points, and in words. */
public record ActivityLine(ActivityItem item, ActivityDescription description) {
}
