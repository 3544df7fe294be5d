package org.evergreen.household;

import java.util.List;

/** A household as its own members see it. */
public record HouseholdOverview(long id, String name, LeavingRule leavingRule, List<Member> members) {

    public record Member(long memberId, String displayName, boolean head) {
    }
}
