package org.evergreen.household;

import org.evergreen.household.internal.HouseholdRepository;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.TextRules;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Households of members. Here: households set up by the platform and what a member sees of their own;
 * invitations, pooling and gifts come with the household issue.
 */
@Service
public class Households {

    private final HouseholdRepository households;
    private final UserAccounts userAccounts;
    private final CurrentUser currentUser;
    private final Clock clock;

    public Households(HouseholdRepository households, UserAccounts userAccounts, CurrentUser currentUser, Clock clock) {
        this.households = households;
        this.userAccounts = userAccounts;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** A household with its head and further members; a member already in a household is refused. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(String name, LeavingRule rule, long headMemberId, List<Long> otherMemberIds) {
        String checkedName = TextRules.requirePlainText("name", name, 64);
        Instant now = clock.instant();
        long id = households.insertHousehold(checkedName, headMemberId, rule, now);
        try {
            households.insertMembership(id, headMemberId, now);
            otherMemberIds.forEach(memberId -> households.insertMembership(id, memberId, now));
        } catch (DuplicateKeyException alreadyInOne) {
            throw new InvalidInputException("members", "household.member.alreadyInHousehold");
        }
        return id;
    }

    /** The signed-in member's household, if they belong to one. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<HouseholdOverview> myHousehold() {
        long memberId = currentUser.require(Role.MEMBER).id();
        return households.findByMember(memberId).map(household -> {
            List<Long> memberIds = households.memberIds(household.id());
            Map<Long, String> names = userAccounts.displayNames(memberIds);
            List<HouseholdOverview.Member> members = memberIds.stream()
                    .map(id -> new HouseholdOverview.Member(id, names.getOrDefault(id, "?"), id == household.headMemberId()))
                    .toList();
            return new HouseholdOverview(household.id(), household.name(), household.leavingRule(), members);
        });
    }
}
