package org.evergreen.member;

import org.evergreen.member.internal.MemberNumbers;
import org.evergreen.member.internal.MemberRepository;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.MemberRegistered;
import org.evergreen.security.Role;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Optional;

/** Member profiles: created with the account, read by the member themselves. */
@Service
public class MemberProfiles {

    private static final int NUMBER_ATTEMPTS = 5;

    private final MemberRepository members;
    private final CurrentUser currentUser;
    private final Clock clock;

    public MemberProfiles(MemberRepository members, CurrentUser currentUser, Clock clock) {
        this.members = members;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Runs inside the registration's transaction: an account never exists without its profile. */
    @EventListener
    void on(MemberRegistered registered) {
        for (int attempt = 1; ; attempt++) {
            try {
                members.insert(registered.userId(), MemberNumbers.next(), clock.instant());
                return;
            } catch (DuplicateKeyException numberTaken) {
                if (attempt == NUMBER_ATTEMPTS) {
                    throw numberTaken;
                }
            }
        }
    }

    /** Gives a member the number the README prints for the demo data, so that a till can be tried at once. Only the platform may. */
    @PreAuthorize("hasRole('ADMIN')")
    public void assignKnownNumber(long userId, String memberNumber) {
        if (!MemberNumbers.isValid(memberNumber)) {
            throw new IllegalArgumentException("Not a member number: " + memberNumber);
        }
        members.renumber(userId, memberNumber);
    }

    /** The member with this member number, for a till or a merchant's counter serving them. */
    @PreAuthorize("hasAnyRole('TILL', 'MERCHANT')")
    public Optional<MemberProfile> byNumber(String memberNumber) {
        return MemberNumbers.isValid(memberNumber) ? members.findByNumber(memberNumber) : Optional.empty();
    }

    /** A member's number by their user id: for the platform (the demo data's purchases are recorded with it). */
    @PreAuthorize("hasRole('ADMIN')")
    public String numberOf(long userId) {
        return members.find(userId).map(MemberProfile::memberNumber)
                .orElseThrow(() -> new IllegalArgumentException("No member " + userId));
    }

    /** The member with this user id, for services that already verified who they serve. */
    Optional<MemberProfile> byId(long userId) {
        return members.find(userId);
    }

    /** The signed-in member's own profile. */
    @PreAuthorize("hasRole('MEMBER')")
    public MemberProfile myProfile() {
        long userId = currentUser.require(Role.MEMBER).id();
        return members.find(userId).orElseThrow(() -> new IllegalStateException("Member without profile: " + userId));
    }
}
