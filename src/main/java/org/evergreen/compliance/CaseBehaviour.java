package org.evergreen.compliance;

/** What a member is suspected of, as the domain names it. */
public enum CaseBehaviour {
    /** 刷单: purchases made up to earn points. */
    FAKE_ORDERS,
    /** 套取: points drawn out by abusing rules, refunds or gifts. */
    POINTS_FARMING,
    OTHER
}
