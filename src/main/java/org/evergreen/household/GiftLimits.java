package org.evergreen.household;

/** How many points a member may give per calendar day and month (the platform's time zone). */
public record GiftLimits(long daily, long monthly) {
}
