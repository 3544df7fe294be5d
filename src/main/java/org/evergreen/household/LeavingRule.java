package org.evergreen.household;

/** What happens to a leaving member's unspent contributions, agreed when the household is created. */
public enum LeavingRule {
    RETURN_OWN_CONTRIBUTIONS, LEAVE_IN_POOL
}
