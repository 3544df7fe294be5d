package org.evergreen.household;

import org.evergreen.catalog.RedemptionStatus;
import org.evergreen.household.HouseholdActivity.Kind;
import org.evergreen.household.internal.HouseholdRepository;
import org.evergreen.household.internal.HouseholdRepository.HouseholdRow;
import org.evergreen.household.internal.HouseholdRepository.MembershipRow;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.LedgerException;
import org.evergreen.ledger.PoolPoints;
import org.evergreen.ledger.Posting;
import org.evergreen.security.ActionLog;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.security.UserAccounts;
import org.evergreen.shared.database.RetryingTransactions;
import org.evergreen.shared.i18n.DisplayFormats;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.ReadableCodes;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Households: a family gathers points in one pool to reach a large reward sooner. Members join by invitation and
 * explicit consent, pool points once or by a standing sweep, give points to each other within the platform's
 * limits, and leave under the rule agreed at creation. Every movement of points is a ledger entry; every change
 * of a household is also kept in its history. Changes of one household take its row lock first (a sweep, which
 * rides on a purchase, takes the member's membership row instead), in short transactions retried whole on deadlock.
 */
@Service
public class Households {

    /** Origin of the household's ledger entries. */
    static final String ORIGIN = "household";
    private static final int CODE_LENGTH = 12;
    private static final long MAX_POINTS = 100_000_000;

    private final HouseholdRepository households;
    private final UserAccounts userAccounts;
    private final CurrentUser currentUser;
    private final ActionLog actionLog;
    private final Ledger ledger;
    private final RetryingTransactions transactions;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration invitationValidity;
    private final GiftLimits defaultGiftLimits;

    Households(HouseholdRepository households, UserAccounts userAccounts, CurrentUser currentUser, ActionLog actionLog, Ledger ledger,
               RetryingTransactions transactions, DisplayFormats formats, Clock clock,
               @Value("${evergreen.household.invitation-validity:7d}") Duration invitationValidity,
               @Value("${evergreen.household.gift-daily-limit:2000}") long dailyGiftLimit,
               @Value("${evergreen.household.gift-monthly-limit:20000}") long monthlyGiftLimit) {
        this.households = households;
        this.userAccounts = userAccounts;
        this.currentUser = currentUser;
        this.actionLog = actionLog;
        this.ledger = ledger;
        this.transactions = transactions;
        this.clock = clock;
        this.zone = formats.zone();
        this.invitationValidity = invitationValidity;
        this.defaultGiftLimits = new GiftLimits(dailyGiftLimit, monthlyGiftLimit);
    }

    /** The platform sets up a household with its head and further members (the demo data's); a member already in one is refused. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public long create(String name, LeavingRule rule, long headMemberId, List<Long> otherMemberIds) {
        String checkedName = TextRules.requirePlainText("name", name, 64);
        Instant now = clock.instant();
        long id = households.insertHousehold(checkedName, headMemberId, rule, now);
        try {
            households.insertMembership(id, headMemberId, true, null, now);
            otherMemberIds.forEach(memberId -> households.insertMembership(id, memberId, false, null, now));
        } catch (DuplicateKeyException alreadyInOne) {
            throw new InvalidInputException("members", "household.member.alreadyInHousehold");
        }
        households.insertEvent(id, headMemberId, Kind.CREATED.name(), 0, null, now);
        return id;
    }

    /** The signed-in member founds a household and heads it; they must consent to the pooling terms. */
    @PreAuthorize("hasRole('MEMBER')")
    public long createMine(String name, @Nullable LeavingRule rule, boolean consent) {
        long me = me();
        String checkedName = TextRules.requirePlainText("name", name, 64);
        if (rule == null) {
            throw new InvalidInputException("leavingRule", "validation.required");
        }
        requireConsent(consent);
        return write(() -> {
            if (households.lockMembership(me).isPresent()) {
                throw new InvalidInputException("name", "household.member.alreadyInHousehold");
            }
            Instant now = clock.instant();
            long id = households.insertHousehold(checkedName, me, rule, now);
            households.insertMembership(id, me, true, now, now);
            households.insertEvent(id, me, Kind.CREATED.name(), me, null, now);
            return id;
        });
    }

    /** The head invites someone: a one-time code (and link) that expires. */
    @PreAuthorize("hasRole('MEMBER')")
    public Invitation invite() {
        long me = me();
        return write(() -> {
            HouseholdRow household = lockMine(me);
            requireHead(household, me);
            Instant now = clock.instant();
            String code = ReadableCodes.random(CODE_LENGTH);
            Instant expiresAt = now.plus(invitationValidity);
            households.insertInvitation(household.id(), code, me, now, expiresAt);
            households.insertEvent(household.id(), null, Kind.INVITED.name(), me, null, now);
            return new Invitation(code, expiresAt);
        });
    }

    /** What an invitation offers, for the member who received its code. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<InvitationDetails> invitation(String code) {
        return households.invitation(ReadableCodes.normalize(code)).flatMap(invitation -> households.find(invitation.householdId())
                .map(household -> new InvitationDetails(invitation.code(), household.name(), name(household.headMemberId()),
                        household.leavingRule(), invitation.expiresAt(), stateOf(invitation, household))));
    }

    /** Answered once, or by the household's end, an invitation stays answered; otherwise it is open until it expires. */
    private InvitationDetails.State stateOf(HouseholdRepository.InvitationRow invitation, HouseholdRow household) {
        if (!"PENDING".equals(invitation.status()) || household.dissolvedAt() != null) {
            return InvitationDetails.State.ANSWERED;
        }
        return invitation.expiresAt().isAfter(clock.instant()) ? InvitationDetails.State.OPEN : InvitationDetails.State.EXPIRED;
    }

    /** Joins the household of an open invitation, with explicit consent to the pooling terms. */
    @PreAuthorize("hasRole('MEMBER')")
    public void accept(String code, boolean consent) {
        long me = me();
        requireConsent(consent);
        write(() -> {
            var invitation = openInvitation(code);
            HouseholdRow household = households.lock(invitation.householdId()).orElseThrow();
            if (household.dissolvedAt() != null) {
                throw new InvalidInputException("code", "household.invitation.answered");
            }
            if (households.lockMembership(me).isPresent()) {
                throw new InvalidInputException("code", "household.member.alreadyInHousehold");
            }
            Instant now = clock.instant();
            if (!households.answerInvitation(invitation.id(), "ACCEPTED", me, now)) {
                throw new InvalidInputException("code", "household.invitation.answered");
            }
            households.insertMembership(household.id(), me, false, now, now);
            households.insertEvent(household.id(), me, Kind.JOINED.name(), me, null, now);
            return null;
        });
    }

    @PreAuthorize("hasRole('MEMBER')")
    public void decline(String code) {
        long me = me();
        write(() -> {
            var invitation = openInvitation(code);
            Instant now = clock.instant();
            if (!households.answerInvitation(invitation.id(), "DECLINED", me, now)) {
                throw new InvalidInputException("code", "household.invitation.answered");
            }
            households.insertEvent(invitation.householdId(), me, Kind.DECLINED.name(), me, null, now);
            return null;
        });
    }

    private HouseholdRepository.InvitationRow openInvitation(String code) {
        var invitation = households.invitation(ReadableCodes.normalize(code))
                .orElseThrow(() -> new InvalidInputException("code", "household.invitation.unknown"));
        InvitationDetails.State state = stateOf(invitation, households.find(invitation.householdId()).orElseThrow());
        if (state == InvitationDetails.State.ANSWERED) {
            throw new InvalidInputException("code", "household.invitation.answered");
        }
        if (state == InvitationDetails.State.EXPIRED) {
            throw new InvalidInputException("code", "household.invitation.expired");
        }
        return invitation;
    }

    /** Moves points from the member's wallet into the pool; they stay counted as the member's contribution. */
    @PreAuthorize("hasRole('MEMBER')")
    public void pool(long points) {
        long me = me();
        requirePoints(points);
        write(() -> {
            HouseholdRow household = lockMine(me);
            Instant now = clock.instant();
            move(EntryKind.POOL, "pool", wallet(me), poolAccount(household.id()), points, me, household.id(), "pool:" + UUID.randomUUID());
            households.addContribution(household.id(), me, points);
            households.insertEvent(household.id(), me, Kind.POOLED.name(), me, points, now);
            return null;
        });
    }

    /** Sets (or with null stops) the member's standing rule: this share of every purchase's points goes into the pool. */
    @PreAuthorize("hasRole('MEMBER')")
    public void setSweep(@Nullable Integer percent) {
        long me = me();
        if (percent != null && (percent < 1 || percent > 100)) {
            throw new InvalidInputException("sweepPercent", "household.sweep.invalid");
        }
        write(() -> {
            HouseholdRow household = lockMine(me);
            Instant now = clock.instant();
            households.setSweep(me, household.id(), percent, now);
            households.insertEvent(household.id(), me, percent == null ? Kind.SWEEP_STOPPED.name() : Kind.SWEEP_SET.name(), me,
                    percent == null ? null : (long) percent, now);
            return null;
        });
    }

    /** Sweeps the member's share of a purchase's points into their pool, in the purchase's own transaction. */
    void sweep(long memberId, long purchaseId, long earned) {
        Optional<HouseholdRepository.SweepRule> rule = households.lockSweep(memberId);
        if (rule.isEmpty()) {
            return;
        }
        long householdId = rule.get().householdId();
        long percent = rule.get().percent();
        long wallet = wallet(memberId);
        // A wallet still repaying a refund's clawback sweeps only what it holds.
        long points = Math.min(earned * percent / 100, SystemActor.call(() -> ledger.balance(wallet)));
        if (points <= 0) {
            return;
        }
        move(EntryKind.POOL, "sweep", wallet, poolAccount(householdId), points, memberId, householdId, "sweep:purchase:" + purchaseId);
        households.addContribution(householdId, memberId, points);
        households.insertEvent(householdId, memberId, Kind.SWEPT.name(), memberId, points, clock.instant());
    }

    /**
     * Follows a redemption paid from a pool, in the catalog's own transaction: its hold and release enter the history;
     * its fulfilment is charged to the members' contributions in proportion to them, and what rounding leaves is
     * charged to the largest contributions first.
     */
    void poolRedemption(long poolAccountId, long redeemerId, long points, RedemptionStatus status) {
        long householdId = SystemActor.call(() -> ledger.ownerOf(poolAccountId, AccountType.HOUSEHOLD_POOL)).orElseThrow();
        Kind kind = switch (status) {
            case PENDING -> Kind.POOL_HELD;
            case FULFILLED -> Kind.REDEEMED;
            case CANCELLED_BY_MEMBER, CANCELLED_BY_MERCHANT, EXPIRED -> Kind.POOL_RELEASED;
        };
        if (kind == Kind.REDEEMED) {
            households.lock(householdId);
            chargeContributions(householdId, points);
        }
        households.insertEvent(householdId, redeemerId, kind.name(), redeemerId, points, clock.instant());
    }

    private void chargeContributions(long householdId, long points) {
        List<HouseholdRepository.Contribution> contributions = households.lockContributions(householdId);
        long total = contributions.stream().mapToLong(HouseholdRepository.Contribution::unspent).sum();
        long charge = Math.min(points, total);
        long[] charged = new long[contributions.size()];
        long left = charge;
        for (int i = 0; i < charged.length; i++) {
            charged[i] = share(charge, contributions.get(i).unspent(), total);
            left -= charged[i];
        }
        // What rounding leaves goes to the largest contributions first (they come largest first).
        for (int i = 0; i < charged.length && left > 0; i++) {
            long more = Math.min(left, contributions.get(i).unspent() - charged[i]);
            charged[i] += more;
            left -= more;
        }
        for (int i = 0; i < charged.length; i++) {
            if (charged[i] > 0) {
                HouseholdRepository.Contribution contribution = contributions.get(i);
                households.setContribution(householdId, contribution.memberId(), contribution.unspent() - charged[i]);
            }
        }
    }

    private static long share(long charge, long unspent, long total) {
        return total == 0 ? 0 : java.math.BigInteger.valueOf(charge).multiply(java.math.BigInteger.valueOf(unspent))
                .divide(java.math.BigInteger.valueOf(total)).longValueExact();
    }

    /** Gives points to another member of the same household, within the daily and monthly limits. */
    @PreAuthorize("hasRole('MEMBER')")
    public void gift(long toMemberId, long points) {
        long me = me();
        requirePoints(points);
        if (toMemberId == me) {
            throw new InvalidInputException("recipient", "household.gift.self");
        }
        write(() -> {
            HouseholdRow household = lockMine(me);
            Optional<MembershipRow> recipient = households.lockMembership(toMemberId);
            if (recipient.isEmpty() || recipient.get().householdId() != household.id()) {
                // Points are not a currency: only within the household, and a stranger's id reveals nothing.
                throw new InvalidInputException("recipient", "household.gift.notInHousehold");
            }
            GiftLimits limits = giftLimits();
            LocalDate today = LocalDate.now(clock.withZone(zone));
            long day = households.giftedSince(me, today.atStartOfDay(zone).toInstant());
            long month = households.giftedSince(me, today.withDayOfMonth(1).atStartOfDay(zone).toInstant());
            if (day + points > limits.daily()) {
                throw new InvalidInputException("points", "household.gift.dailyLimit", limits.daily(), Math.max(0, limits.daily() - day));
            }
            if (month + points > limits.monthly()) {
                throw new InvalidInputException("points", "household.gift.monthlyLimit", limits.monthly(),
                        Math.max(0, limits.monthly() - month));
            }
            Instant now = clock.instant();
            long entry = move(EntryKind.TRANSFER, "gift", wallet(me), wallet(toMemberId), points, me, household.id(),
                    "gift:" + UUID.randomUUID());
            households.insertGift(household.id(), me, toMemberId, points, entry, now);
            households.insertEvent(household.id(), toMemberId, Kind.GIFTED.name(), me, points, now);
            return null;
        });
    }

    /** The member leaves; their unspent contributions go back to them or stay in the pool, as agreed at creation. */
    @PreAuthorize("hasRole('MEMBER')")
    public void leave() {
        long me = me();
        write(() -> {
            HouseholdRow household = lockMine(me);
            if (household.headMemberId() == me) {
                if (households.memberIds(household.id()).size() > 1) {
                    throw new InvalidInputException("household", "household.leave.headMustHandOver");
                }
                dissolve(household, me);
                return null;
            }
            depart(household, me, me, Kind.LEFT);
            return null;
        });
    }

    /** The head removes a member, under the same rule as a leave. */
    @PreAuthorize("hasRole('MEMBER')")
    public void remove(long memberId) {
        long me = me();
        write(() -> {
            HouseholdRow household = lockMine(me);
            requireHead(household, me);
            requireFellow(household, memberId, me);
            depart(household, memberId, me, Kind.REMOVED);
            return null;
        });
    }

    /**
     * A member leaves or is removed. Under "return own contributions" they get their share of the pool's points in
     * proportion to the unspent contributions (all of theirs, unless pooled points expired), which is why it waits
     * while pool redemptions are pending: their outcome decides what is left to share.
     */
    private void depart(HouseholdRow household, long memberId, long actor, Kind kind) {
        households.lockMembership(memberId);
        long unspent = households.unspent(household.id(), memberId);
        long returned = 0;
        if (household.leavingRule() == LeavingRule.RETURN_OWN_CONTRIBUTIONS && unspent > 0) {
            PoolPoints pool = poolPoints(household.id());
            if (pool.held() > 0) {
                throw new InvalidInputException("household", "household.leave.pendingRedemptions");
            }
            long totalUnspent = households.lockContributions(household.id()).stream()
                    .mapToLong(HouseholdRepository.Contribution::unspent).sum();
            returned = Math.min(unspent, share(pool.available(), unspent, totalUnspent));
            if (returned > 0) {
                move(EntryKind.POOL, "poolReturn", poolAccount(household.id()), wallet(memberId), returned, actor, household.id(),
                        "return:" + household.id() + ":" + memberId + ":" + UUID.randomUUID());
            }
        }
        households.deleteContribution(household.id(), memberId);
        households.deleteMembership(memberId);
        households.insertEvent(household.id(), memberId, kind.name(), actor, returned, clock.instant());
    }

    private PoolPoints poolPoints(long householdId) {
        return SystemActor.call(() -> ledger.poolPoints(householdId));
    }

    /** The head hands the headship to another member. */
    @PreAuthorize("hasRole('MEMBER')")
    public void handOver(long memberId) {
        long me = me();
        write(() -> {
            HouseholdRow household = lockMine(me);
            requireHead(household, me);
            requireFellow(household, memberId, me);
            households.setHead(household.id(), memberId);
            households.setCanRedeem(memberId, true);
            households.insertEvent(household.id(), memberId, Kind.HEAD_HANDED_OVER.name(), me, null, clock.instant());
            return null;
        });
    }

    /** The head lets a member redeem with the pool's points, or stops them. */
    @PreAuthorize("hasRole('MEMBER')")
    public void setCanRedeem(long memberId, boolean canRedeem) {
        long me = me();
        write(() -> {
            HouseholdRow household = lockMine(me);
            requireHead(household, me);
            requireFellow(household, memberId, me);
            households.setCanRedeem(memberId, canRedeem);
            households.insertEvent(household.id(), memberId, canRedeem ? Kind.REDEEM_GRANTED.name() : Kind.REDEEM_REVOKED.name(), me,
                    null, clock.instant());
            return null;
        });
    }

    /** The head of a household with no other member left dissolves it; what is in the pool goes back to them. */
    @PreAuthorize("hasRole('MEMBER')")
    public void dissolve() {
        long me = me();
        write(() -> {
            HouseholdRow household = lockMine(me);
            requireHead(household, me);
            if (households.memberIds(household.id()).size() > 1) {
                throw new InvalidInputException("household", "household.dissolve.othersRemain");
            }
            dissolve(household, me);
            return null;
        });
    }

    private void dissolve(HouseholdRow household, long head) {
        PoolPoints pool = poolPoints(household.id());
        if (pool.held() > 0) {
            throw new InvalidInputException("household", "household.dissolve.pendingRedemptions");
        }
        long left = pool.available();
        if (left > 0) {
            move(EntryKind.POOL, "poolReturn", poolAccount(household.id()), wallet(head), left, head, household.id(),
                    "dissolve:" + household.id());
        }
        Instant now = clock.instant();
        households.deleteContribution(household.id(), head);
        households.deleteMembership(head);
        households.dissolve(household.id(), now);
        households.insertEvent(household.id(), head, Kind.DISSOLVED.name(), head, left, now);
    }

    /** The signed-in member's household, if they belong to one. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<HouseholdOverview> myHousehold() {
        long me = me();
        return households.findByMember(me).map(household -> {
            List<MembershipRow> memberships = households.memberships(household.id());
            Map<Long, String> names = userAccounts.displayNames(memberships.stream().map(MembershipRow::memberId).toList());
            Map<Long, Long> unspent = households.contributions(household.id());
            List<HouseholdOverview.Member> members = memberships.stream()
                    .map(row -> new HouseholdOverview.Member(row.memberId(), names.getOrDefault(row.memberId(), "?"),
                            row.memberId() == household.headMemberId(), row.canRedeem() || row.memberId() == household.headMemberId(),
                            unspent.getOrDefault(row.memberId(), 0L)))
                    .toList();
            PoolPoints pool = poolPoints(household.id());
            return new HouseholdOverview(household.id(), household.name(), household.leavingRule(),
                    pool.available(), pool.held(), members, households.sweepPercent(me).orElse(null), me);
        });
    }

    /** The history of the signed-in member's household, newest first; empty for a member in none. */
    @PreAuthorize("hasRole('MEMBER')")
    public List<HouseholdActivity> myActivity(int offset, int limit) {
        Optional<MembershipRow> membership = households.membership(me());
        if (membership.isEmpty()) {
            return List.of();
        }
        List<HouseholdRepository.EventRow> events = households.events(membership.get().householdId(), offset, limit);
        Set<Long> people = new HashSet<>();
        events.forEach(event -> {
            people.add(event.actorId());
            if (event.memberId() != null) {
                people.add(event.memberId());
            }
        });
        Map<Long, String> names = userAccounts.displayNames(people);
        return events.stream().map(event -> new HouseholdActivity(Kind.valueOf(event.kind()),
                event.memberId() == null ? null : names.getOrDefault(event.memberId(), "?"),
                event.actorId() == 0 ? "Evergreen" : names.getOrDefault(event.actorId(), "?"), event.points(), event.at())).toList();
    }

    @PreAuthorize("hasRole('MEMBER')")
    public long myActivityCount() {
        return households.membership(me()).map(membership -> households.eventCount(membership.householdId())).orElse(0L);
    }

    /** The pool this member may redeem with: the head's, and that of members the head authorised. */
    Optional<Long> redeemablePoolOf(long memberId) {
        // Only read: a pool that was never paid into has no account yet, and nothing to redeem with.
        return households.membership(memberId).flatMap(membership -> households.find(membership.householdId())
                .filter(household -> mayRedeem(household, membership, memberId))
                .flatMap(household -> SystemActor.call(() -> ledger.existingAccount(AccountType.HOUSEHOLD_POOL,
                        household.id()))));
    }

    /**
     * The same, inside the caller's transaction, with the household's row locked: until it commits, the household
     * cannot be dissolved, nor the member removed or their right revoked.
     */
    Optional<Long> lockRedeemablePoolOf(long memberId) {
        return lockHouseholdOf(memberId).filter(locked -> mayRedeem(locked.household(), locked.membership(), memberId))
                .map(locked -> poolAccount(locked.household().id()));
    }

    private static boolean mayRedeem(HouseholdRow household, MembershipRow membership, long memberId) {
        return household.dissolvedAt() == null && (membership.canRedeem() || household.headMemberId() == memberId);
    }

    public GiftLimits giftLimits() {
        return households.giftLimits().orElse(defaultGiftLimits);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void setGiftLimits(@Nullable Long daily, @Nullable Long monthly) {
        if (daily == null || daily < 1 || daily > MAX_POINTS) {
            throw new InvalidInputException("dailyLimit", "household.limits.invalid");
        }
        if (monthly == null || monthly < daily || monthly > MAX_POINTS) {
            throw new InvalidInputException("monthlyLimit", "household.limits.monthlyBelowDaily");
        }
        households.setGiftLimits(daily, monthly, clock.instant(), "user:" + currentUser.require().id());
        actionLog.record("gift.limits", "platform", daily + " a day, " + monthly + " a month");
    }

    private long move(EntryKind kind, String reason, long from, long to, long points, long actor, long householdId, String key) {
        try {
            return SystemActor.call(() -> ledger.post(new EntryRequest(kind, ORIGIN, key, "user:" + actor, reason,
                    "household:" + householdId, null, List.of(new Posting(from, -points), new Posting(to, points)), null))).entryId();
        } catch (LedgerException refused) {
            if (refused.reason() == LedgerException.Reason.INSUFFICIENT_POINTS) {
                throw new InvalidInputException("points", "household.points.insufficient");
            }
            throw refused;
        }
    }

    private HouseholdRow lockMine(long me) {
        return lockHouseholdOf(me).orElseThrow(() -> new InvalidInputException("household", "household.none")).household();
    }

    private record LockedMembership(HouseholdRow household, MembershipRow membership) {
    }

    /** The member's household with its row locked, and their membership read again under the lock. */
    private Optional<LockedMembership> lockHouseholdOf(long memberId) {
        // Read again under the lock: a leave or removal may have committed meanwhile.
        return households.membership(memberId).flatMap(membership -> households.lock(membership.householdId()))
                .flatMap(household -> households.membership(memberId).filter(row -> row.householdId() == household.id())
                        .map(row -> new LockedMembership(household, row)));
    }

    private static void requireHead(HouseholdRow household, long me) {
        if (household.headMemberId() != me) {
            throw new InvalidInputException("household", "household.headOnly");
        }
    }

    private void requireFellow(HouseholdRow household, long memberId, long me) {
        if (memberId == me || households.membership(memberId).filter(row -> row.householdId() == household.id()).isEmpty()) {
            throw new InvalidInputException("member", "household.member.notInHousehold");
        }
    }

    private static void requireConsent(boolean consent) {
        if (!consent) {
            throw new InvalidInputException("consent", "household.consent.required");
        }
    }

    private static void requirePoints(long points) {
        if (points < 1 || points > MAX_POINTS) {
            throw new InvalidInputException("points", "household.points.invalid");
        }
    }

    /** One retried transaction; joining twice at once (a membership's key taken meanwhile) is refused as such. */
    private <T> T write(Supplier<T> work) {
        try {
            return transactions.execute(work);
        } catch (DuplicateKeyException joinedMeanwhile) {
            throw new InvalidInputException("household", "household.member.alreadyInHousehold");
        }
    }

    private long me() {
        return currentUser.require(Role.MEMBER).id();
    }

    private String name(long memberId) {
        return userAccounts.displayNames(List.of(memberId)).getOrDefault(memberId, "?");
    }

    private long wallet(long memberId) {
        return SystemActor.call(() -> ledger.account(AccountType.MEMBER_WALLET, memberId));
    }

    private long poolAccount(long householdId) {
        return SystemActor.call(() -> ledger.account(AccountType.HOUSEHOLD_POOL, householdId));
    }
}
