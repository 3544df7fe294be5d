package org.evergreen.household;

import java.time.Instant;

/** What an invited member reads before answering: whose household, under which leaving rule, until when. */
public record InvitationDetails(String code, String householdName, String headName, LeavingRule leavingRule, Instant expiresAt,
                                State state) {

    public enum State {
        OPEN, EXPIRED, ANSWERED
    }
}
