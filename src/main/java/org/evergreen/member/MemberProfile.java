package org.evergreen.member;

import java.time.Instant;

/** What a member sees about themselves. The member number identifies them at tills. */
public record MemberProfile(long userId, String memberNumber, Tier tier, Instant joinedAt) {
}
