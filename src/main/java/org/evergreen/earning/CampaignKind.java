package org.evergreen.earning;

/** What a campaign adds to a purchase in its window. */
public enum CampaignKind {
    /** The points of the target categories' lines times a multiplier ("double points"). */
    MULTIPLIER,
    /** A fixed bonus for a basket with a target category (any basket when none is named). */
    FIXED_BONUS,
    /** A fixed bonus for the member's first purchase at this merchant. */
    FIRST_PURCHASE,
    /** The platform's bonus, paid from its promotion account, with the first purchase of a member who joined in the window. */
    SIGN_UP;

    public boolean hasMultiplier() {
        return this == MULTIPLIER;
    }
}
