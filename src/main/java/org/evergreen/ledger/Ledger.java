package org.evergreen.ledger;

import org.evergreen.ledger.LedgerException.Reason;
import org.evergreen.ledger.internal.AccountDirectory;
import org.evergreen.ledger.internal.CheckRuns;
import org.evergreen.ledger.internal.IntegrityVerifier;
import org.evergreen.ledger.internal.LedgerQueries;
import org.evergreen.ledger.internal.LedgerWriter;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The points ledger: every movement of points is a double-entry journal entry, posted here and nowhere
 * else, never edited, only reversed. Features call this service; it calls no feature.
 * <p>
 * Writing is a platform operation (role ADMIN, in practice {@code SystemActor}): a feature service first
 * decides whether the person or till may do what they ask, then posts on the platform's behalf, naming
 * them as the entry's actor. Members read their own points through the {@code my…} methods.
 */
@Service
public class Ledger {

    /** Origin of the entries the ledger posts by itself (expiry, automatic releases). */
    public static final String LEDGER_ORIGIN = "ledger";
    /** Origin prefix of entries posted under a case (freeze, unfreeze, deduct). */
    private static final String CASE_ORIGIN_PREFIX = "case:";

    private final LedgerWriter writer;
    private final LedgerQueries queries;
    private final AccountDirectory accounts;
    private final IntegrityVerifier verifier;
    private final CheckRuns checkRuns;
    private final CurrentUser currentUser;
    private final Clock clock;

    public Ledger(LedgerWriter writer, LedgerQueries queries, AccountDirectory accounts, IntegrityVerifier verifier,
                  CheckRuns checkRuns, CurrentUser currentUser, Clock clock) {
        this.writer = writer;
        this.queries = queries;
        this.accounts = accounts;
        this.verifier = verifier;
        this.checkRuns = checkRuns;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The account of this type and owner (member, household or merchant id; {@link AccountType#PLATFORM}). */
    @PreAuthorize("hasRole('ADMIN')")
    public long account(AccountType type, long ownerId) {
        return accounts.accountId(type, ownerId);
    }

    /** The account of this type and owner if it has been opened; unlike {@link #account}, never opens one. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Long> existingAccount(AccountType type, long ownerId) {
        return Optional.ofNullable(accounts.existingAccountId(type, ownerId));
    }

    /** The owner of an account of the given type (a household's id for its pool); empty for another type. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Long> ownerOf(long accountId, AccountType type) {
        AccountDirectory.Account account = accounts.account(accountId);
        return account.type() == type ? Optional.of(account.ownerId()) : Optional.empty();
    }

    /**
     * Posts an entry of an ordinary kind (EARN, REDEEM, TRANSFER, POOL, COMPENSATION, ADJUSTMENT). Holds,
     * freezes, expiry and reversals have their own methods, which enforce their rules.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry post(EntryRequest request) {
        switch (request.kind()) {
            case EARN, REDEEM, TRANSFER, POOL, COMPENSATION, ADJUSTMENT -> {
            }
            default -> throw new LedgerException(Reason.INVALID_ENTRY, request.kind() + " has its own operation");
        }
        if (request.origin().equals(LEDGER_ORIGIN) || request.origin().startsWith(CASE_ORIGIN_PREFIX)) {
            throw new LedgerException(Reason.INVALID_ENTRY, "origin " + request.origin() + " is reserved");
        }
        for (Posting posting : request.postings()) {
            AccountType type = accounts.type(posting.accountId());
            if (type.tracked() && !type.spendable()) {
                throw new LedgerException(Reason.INVALID_ENTRY, type + " moves only by hold, capture, release or a case");
            }
        }
        return writer.post(request, LedgerWriter.Options.NONE);
    }

    /**
     * Reverses an entry with a REVERSAL entry of opposite postings; an entry is reversed at most once.
     * Reversing an EARN (a refund) may put the member's wallet into debt: a clawback, repaid by later points.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry reverse(long entryId, String origin, String actor, String reason) {
        LedgerQueries.StoredEntry original = queries.entry(entryId)
                .orElseThrow(() -> new LedgerException(Reason.UNKNOWN_ENTRY, "entry " + entryId));
        switch (original.kind()) {
            case REVERSAL, HOLD, CAPTURE, RELEASE, FREEZE, UNFREEZE, DEDUCT, EXPIRE ->
                    throw new LedgerException(Reason.NOT_REVERSIBLE, original.kind() + " " + entryId);
            default -> {
            }
        }
        if (queries.clawedBack(entryId) > 0) {
            throw new LedgerException(Reason.ALREADY_REVERSED, "entry " + entryId + " was partly clawed back");
        }
        List<Posting> opposite = original.postings().stream()
                .map(posting -> new Posting(posting.accountId(), -posting.amount())).toList();
        Long debtAccount = original.kind() == EntryKind.EARN ? original.postings().stream()
                .filter(posting -> posting.amount() > 0 && accounts.type(posting.accountId()).tracked())
                .map(Posting::accountId).findFirst().orElse(null) : null;
        EntryRequest reversal = new EntryRequest(EntryKind.REVERSAL, origin, "reversal-of:" + entryId, actor, reason,
                "entry:" + entryId, null, opposite, null);
        return writer.post(reversal, new LedgerWriter.Options(entryId, debtAccount, queries.lotsCreatedBy(entryId), null, false));
    }

    /**
     * Claws back part of an EARN's points (a partial refund): a REVERSAL entry of {@code points} from the
     * member back to the issuer, drawn first from the lots that earn created, going into debt if the member
     * has spent them. All clawbacks of an earn together never exceed it; an earn reversed whole takes none.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry clawBack(long earnEntryId, long points, String origin, String idempotencyKey, String actor, String reason) {
        LedgerQueries.StoredEntry original = queries.entry(earnEntryId)
                .orElseThrow(() -> new LedgerException(Reason.UNKNOWN_ENTRY, "entry " + earnEntryId));
        if (original.kind() != EntryKind.EARN) {
            throw new LedgerException(Reason.NOT_REVERSIBLE, original.kind() + " " + earnEntryId);
        }
        Posting credited = original.postings().stream().filter(posting -> posting.amount() > 0).findFirst().orElseThrow();
        Posting issuer = original.postings().stream().filter(posting -> posting.amount() < 0).findFirst().orElseThrow();
        if (points <= 0 || points > credited.amount() - queries.clawedBack(earnEntryId)) {
            throw new LedgerException(Reason.INVALID_ENTRY, "claw back " + points + " of entry " + earnEntryId);
        }
        if (queries.reversalOf(earnEntryId).isPresent()) {
            throw new LedgerException(Reason.ALREADY_REVERSED, "entry " + earnEntryId);
        }
        EntryRequest clawback = new EntryRequest(EntryKind.REVERSAL, origin, idempotencyKey, actor, reason,
                LedgerQueries.CLAWBACK_REFERENCE + earnEntryId, null,
                List.of(new Posting(credited.accountId(), -points), new Posting(issuer.accountId(), points)), null);
        return writer.post(clawback, new LedgerWriter.Options(null, credited.accountId(), queries.lotsCreatedBy(earnEntryId), null, false));
    }

    /** Holds points of a wallet or pool: they stay the member's but cannot be spent elsewhere. */
    @PreAuthorize("hasRole('ADMIN')")
    public Hold hold(HoldRequest request) {
        if (request.amount() <= 0) {
            throw new LedgerException(Reason.INVALID_ENTRY, "hold " + request.amount());
        }
        AccountDirectory.Account source = accounts.account(request.sourceAccountId());
        AccountType heldType = source.type().heldCounterpart();
        if (heldType == null) {
            throw new LedgerException(Reason.INVALID_ENTRY, "cannot hold from " + source.type());
        }
        long heldAccountId = accounts.accountId(heldType, source.ownerId());
        EntryRequest entry = new EntryRequest(EntryKind.HOLD, request.origin(), request.idempotencyKey(), request.actor(),
                request.reason(), request.reference(), null,
                List.of(new Posting(source.id(), -request.amount()), new Posting(heldAccountId, request.amount())), null);
        PostedEntry posted = writer.post(entry, new LedgerWriter.Options(null, null, List.of(), holdEntryId ->
                queries.insertHold(holdEntryId, source.id(), heldAccountId, request.amount(), request.expiresAt()), false));
        return queries.holdByEntry(posted.entryId()).orElseThrow();
    }

    /** Spends held points: they move to the destination (e.g. the fulfilling merchant's redemption account). */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry capture(long holdId, long destinationAccountId, String origin, String idempotencyKey, String actor,
                               String reason, @Nullable String reference) {
        Hold hold = hold(holdId);
        if (accounts.type(destinationAccountId) != AccountType.MERCHANT_REDEMPTION) {
            throw new LedgerException(Reason.INVALID_ENTRY, "held points are captured by a merchant's redemption account");
        }
        return resolve(hold, HoldStatus.CAPTURED, EntryKind.CAPTURE, destinationAccountId, origin, idempotencyKey,
                actor, reason, reference);
    }

    /** Gives held points back to where they were held from. */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry release(long holdId, String origin, String idempotencyKey, String actor, String reason) {
        Hold hold = hold(holdId);
        return resolve(hold, HoldStatus.RELEASED, EntryKind.RELEASE, hold.sourceAccountId(), origin, idempotencyKey,
                actor, reason, "hold:" + holdId);
    }

    private PostedEntry resolve(Hold hold, HoldStatus outcome, EntryKind kind, long destinationAccountId, String origin,
                                String idempotencyKey, String actor, String reason, @Nullable String reference) {
        EntryRequest entry = new EntryRequest(kind, origin, idempotencyKey, actor, reason, reference, null,
                List.of(new Posting(hold.heldAccountId(), -hold.amount()), new Posting(destinationAccountId, hold.amount())),
                null);
        return writer.post(entry, new LedgerWriter.Options(null, null, queries.lotsCreatedBy(hold.holdEntryId()),
                resolvedEntryId -> {
                    if (!queries.resolveHold(hold.id(), outcome, resolvedEntryId, outcome == HoldStatus.CAPTURED ? clock.instant() : null)) {
                        throw new LedgerException(Reason.HOLD_NOT_PENDING, "hold " + hold.id());
                    }
                }, false));
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Hold hold(long holdId) {
        return queries.hold(holdId).orElseThrow(() -> new LedgerException(Reason.UNKNOWN_HOLD, "hold " + holdId));
    }

    /** Releases every pending hold whose time ran out; safe to run on every node at once. */
    @PreAuthorize("hasRole('ADMIN')")
    public int releaseExpiredHolds(Instant now) {
        int released = 0;
        for (long holdId : queries.expiredPendingHolds(now)) {
            try {
                release(holdId, LEDGER_ORIGIN, "hold-expired:" + holdId, "system", "holdExpired");
                released++;
            } catch (LedgerException alreadyResolved) {
                // captured or released meanwhile, here or on another node
            }
        }
        return released;
    }

    /** Freezes a member's points under a recorded case: they leave the wallet but remain the member's. */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry freeze(long memberId, long amount, String caseReference, String idempotencyKey) {
        return caseEntry(EntryKind.FREEZE, AccountType.MEMBER_WALLET, memberId, AccountType.MEMBER_FROZEN, memberId,
                amount, caseReference, idempotencyKey);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry unfreeze(long memberId, long amount, String caseReference, String idempotencyKey) {
        return caseEntry(EntryKind.UNFREEZE, AccountType.MEMBER_FROZEN, memberId, AccountType.MEMBER_WALLET, memberId,
                amount, caseReference, idempotencyKey);
    }

    /** Takes frozen points away for good, as the recorded case decided. */
    @PreAuthorize("hasRole('ADMIN')")
    public PostedEntry deduct(long memberId, long amount, String caseReference, String idempotencyKey) {
        return caseEntry(EntryKind.DEDUCT, AccountType.MEMBER_FROZEN, memberId, AccountType.PLATFORM_RECOVERY,
                AccountType.PLATFORM, amount, caseReference, idempotencyKey);
    }

    private PostedEntry caseEntry(EntryKind kind, AccountType fromType, long fromOwner, AccountType toType, long toOwner,
                                  long amount, String caseReference, String idempotencyKey) {
        if (caseReference == null || caseReference.isBlank()) {
            throw new LedgerException(Reason.CASE_REQUIRED, kind + " without a case");
        }
        if (amount <= 0) {
            throw new LedgerException(Reason.INVALID_ENTRY, kind + " of " + amount);
        }
        long from = accounts.accountId(fromType, fromOwner);
        long to = accounts.accountId(toType, toOwner);
        EntryRequest entry = new EntryRequest(kind, CASE_ORIGIN_PREFIX + caseReference.strip(), idempotencyKey,
                "user:" + currentUser.require().id(), kind.name().toLowerCase(Locale.ROOT), "case:" + caseReference.strip(),
                caseReference.strip(), List.of(new Posting(from, -amount), new Posting(to, amount)), null);
        return writer.post(entry, LedgerWriter.Options.NONE);
    }

    /**
     * Moves what is left of every lot that expired by {@code now} from spendable accounts to breakage, one
     * EXPIRE entry per lot. Idempotent per lot, so every node may run it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int expireDueLots(Instant now) {
        Instant until = now.isAfter(clock.instant()) ? clock.instant() : now;
        long breakage = accounts.accountId(AccountType.PLATFORM_BREAKAGE, AccountType.PLATFORM);
        int expired = 0;
        long afterLotId = 0;
        List<LedgerQueries.DueLot> due;
        while (!(due = queries.dueLots(until, afterLotId, 500)).isEmpty()) {
            for (LedgerQueries.DueLot lot : due) {
                EntryRequest entry = new EntryRequest(EntryKind.EXPIRE, LEDGER_ORIGIN, "expire-lot:" + lot.lotId(),
                        "system", "expiry", "lot:" + lot.lotId(), null,
                        List.of(new Posting(lot.accountId(), -lot.remaining()), new Posting(breakage, lot.remaining())), null);
                try {
                    // Only this lot, and only if it still holds what was read: a spend in between makes this a no-op
                    // that the next run picks up with the new amount.
                    writer.post(entry, new LedgerWriter.Options(null, null, List.of(lot.lotId()), null, true));
                    expired++;
                } catch (LedgerException lotChanged) {
                    // spent or expired meanwhile
                }
                afterLotId = lot.lotId();
            }
        }
        return expired;
    }

    /** The entry an origin posted under an idempotency key: how a feature finds the entry of its own request again. */
    @PreAuthorize("hasRole('ADMIN')")
    public Optional<Long> entryId(String origin, String idempotencyKey) {
        return queries.entryId(origin, idempotencyKey);
    }

    /** Balance of any account: stored for member-facing accounts, the sum of postings for the others. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public long balance(long accountId) {
        return queries.balance(accountId, accounts.type(accountId).tracked());
    }

    /** The signed-in member's points, with what expires within the next {@code expiryWindow}. */
    @PreAuthorize("hasRole('MEMBER')")
    public MemberPoints myPoints(Duration expiryWindow) {
        return pointsOf(currentUser.require(Role.MEMBER).id(), expiryWindow);
    }

    /** Any member's points: for admins and regulators (members use {@link #myPoints}). */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public MemberPoints memberPoints(long memberId, Duration expiryWindow) {
        return pointsOf(memberId, expiryWindow);
    }

    private MemberPoints pointsOf(long memberId, Duration expiryWindow) {
        Long wallet = accounts.existingAccountId(AccountType.MEMBER_WALLET, memberId);
        Long held = accounts.existingAccountId(AccountType.MEMBER_HELD, memberId);
        Long frozen = accounts.existingAccountId(AccountType.MEMBER_FROZEN, memberId);
        return new MemberPoints(
                wallet == null ? 0 : queries.balance(wallet, true),
                held == null ? 0 : queries.balance(held, true),
                frozen == null ? 0 : queries.balance(frozen, true),
                wallet == null ? List.of() : queries.expiring(wallet, clock.instant(), clock.instant().plus(expiryWindow)));
    }

    /** A household's pool points; only read, so looking at a household opens no account. */
    @PreAuthorize("hasRole('ADMIN')")
    public PoolPoints poolPoints(long householdId) {
        Long pool = accounts.existingAccountId(AccountType.HOUSEHOLD_POOL, householdId);
        Long held = accounts.existingAccountId(AccountType.HOUSEHOLD_HELD, householdId);
        return new PoolPoints(pool == null ? 0 : queries.balance(pool, AccountType.HOUSEHOLD_POOL.tracked()),
                held == null ? 0 : queries.balance(held, AccountType.HOUSEHOLD_HELD.tracked()));
    }

    /** A member's movements, newest first: wallet, held and frozen points together. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR') or (hasRole('MEMBER') and #memberId == principal.id())")
    public List<HistoryItem> memberHistory(long memberId, HistoryFilter filter, int offset, int limit) {
        Long wallet = accounts.existingAccountId(AccountType.MEMBER_WALLET, memberId);
        return wallet == null ? List.of() : queries.history(wallet, filter, offset, limit);
    }

    /** The same movements by keyset: the page after the posting id {@code before} (null: the newest page). */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public List<HistoryItem> memberHistoryBefore(long memberId, HistoryFilter filter, @Nullable Long before, int limit) {
        Long wallet = accounts.existingAccountId(AccountType.MEMBER_WALLET, memberId);
        return wallet == null ? List.of() : queries.historyBefore(wallet, filter, before, limit);
    }

    /** Recomputes every hash and seal and checks every invariant over all data; the run is kept. */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public IntegrityReport verifyIntegrity() {
        IntegrityReport report = verifier.verify();
        checkRuns.record(report);
        return report;
    }

    /**
     * The same checks, and that the seal head published earlier is still in the journal as it was published: a head
     * that is missing (the journal was cut short) or differs (it was rewritten) is a violation of its own.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public IntegrityReport verifyIntegrity(long publishedSealId, String publishedHash) {
        IntegrityReport report = verifier.verify();
        Optional<String> stored = queries.sealHash(publishedSealId);
        if (stored.isEmpty() || !stored.get().equalsIgnoreCase(publishedHash.strip())) {
            List<IntegrityReport.Violation> violations = new ArrayList<>(report.violations());
            violations.add(new IntegrityReport.Violation(IntegrityReport.Check.PUBLISHED_HEAD, publishedSealId,
                    stored.isEmpty() ? "published seal " + publishedSealId + " is no longer in the journal"
                            : "seal " + publishedSealId + " differs from its published hash"));
            report = new IntegrityReport(report.startedAt(), report.finishedAt(), report.entriesChecked(), report.sealsChecked(), violations);
        }
        checkRuns.record(report);
        return report;
    }

    /** The newest seal, for anyone to keep: the public page and every audit export show it. */
    public Optional<SealHead> sealHead() {
        return queries.newestSeal();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Optional<IntegrityReport> lastIntegrityReport() {
        return checkRuns.last();
    }
}
