package org.evergreen.ledger;

import org.jspecify.annotations.Nullable;

/**
 * Kinds of ledger accounts. Tracked accounts belong to members or households: their balance is kept on
 * the account row, guarded against going below zero, and their points sit in lots. Untracked accounts
 * (merchants, platform) are busy counter-accounts whose balance is the sum of their postings.
 */
public enum AccountType {
    MEMBER_WALLET(true, true),
    MEMBER_HELD(true, false),
    MEMBER_FROZEN(true, false),
    HOUSEHOLD_POOL(true, true),
    HOUSEHOLD_HELD(true, false),
    MERCHANT_ISSUANCE(false, false),
    MERCHANT_REDEMPTION(false, false),
    PLATFORM_PROMOTION(false, false),
    PLATFORM_BREAKAGE(false, false),
    PLATFORM_COMPENSATION(false, false),
    PLATFORM_RECOVERY(false, false);

    /** Owner id of the platform's own accounts. */
    public static final long PLATFORM = 0;

    private final boolean tracked;
    private final boolean spendable;

    AccountType(boolean tracked, boolean spendable) {
        this.tracked = tracked;
        this.spendable = spendable;
    }

    public boolean tracked() {
        return tracked;
    }

    /** Points here can be spent, held, transferred, and they expire. */
    public boolean spendable() {
        return spendable;
    }

    /** Where points held from an account of this type wait for capture or release. */
    public @Nullable AccountType heldCounterpart() {
        return switch (this) {
            case MEMBER_WALLET -> MEMBER_HELD;
            case HOUSEHOLD_POOL -> HOUSEHOLD_HELD;
            default -> null;
        };
    }
}
