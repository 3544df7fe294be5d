package org.evergreen.household;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * A household as its own members see it.
 *
 * @param poolAvailable  the pool's points that can be redeemed or returned now
 * @param poolHeld       the pool's points held for redemptions not yet fulfilled
 * @param mySweepPercent the share of the viewer's earnings swept into the pool, or null
 */
public record HouseholdOverview(long id, String name, LeavingRule leavingRule, long poolAvailable, long poolHeld,
                                List<Member> members, @Nullable Integer mySweepPercent, long myMemberId) {

    /**
     * @param unspent what this member put into the pool and is still theirs by the household's accounting
     */
    public record Member(long memberId, String displayName, boolean head, boolean canRedeem, long unspent) {
    }

    public boolean headIs(long memberId) {
        return members.stream().anyMatch(member -> member.head() && member.memberId() == memberId);
    }

    public boolean iAmHead() {
        return headIs(myMemberId);
    }
}
