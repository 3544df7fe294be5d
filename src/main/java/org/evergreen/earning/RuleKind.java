package org.evergreen.earning;

/** The rules a purchase's points come from, as its breakdown names them. */
public enum RuleKind {
    BASE, CATEGORY, UNIT, TIER, COMBO, GREEN, CAMPAIGN, CAP;

    /** Bonus points count against the platform's cap; base, category and unit points do not. */
    public boolean bonus() {
        return this == TIER || this == COMBO || this == GREEN || this == CAMPAIGN;
    }
}
