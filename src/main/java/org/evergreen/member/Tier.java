package org.evergreen.member;

/** Platform-wide member tiers, from the member's rolling 12-month qualifying spend against {@link TierThresholds}. */
public enum Tier {
    ORDINARY, SILVER, GOLD
}
