package org.evergreen.member;

/** Platform-wide member tiers; thresholds are set by admins (earning issue). */
public enum Tier {
    ORDINARY, SILVER, GOLD
}
