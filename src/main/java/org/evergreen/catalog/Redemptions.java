package org.evergreen.catalog;

import org.evergreen.catalog.RedemptionRefused.Kind;
import org.evergreen.catalog.internal.RedemptionRepository;
import org.evergreen.catalog.internal.RedemptionRepository.NewRedemption;
import org.evergreen.catalog.internal.RedemptionRepository.StoredRedemption;
import org.evergreen.catalog.internal.RewardRepository;
import org.evergreen.catalog.internal.RewardRepository.StoredReward;
import org.evergreen.ledger.AccountType;
import org.evergreen.ledger.EntryKind;
import org.evergreen.ledger.EntryRequest;
import org.evergreen.ledger.Hold;
import org.evergreen.ledger.HoldRequest;
import org.evergreen.ledger.Ledger;
import org.evergreen.ledger.LedgerException;
import org.evergreen.ledger.Posting;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.database.RetryingTransactions;
import org.evergreen.shared.validation.InvalidInputException;
import org.evergreen.shared.validation.ReadableCodes;
import org.evergreen.shared.validation.TextRules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Redemption in two phases, as the ledger's holds: redeeming holds the member's points and reserves stock at once;
 * the merchant's fulfilment captures the points (and records any cash part apart from the ledger); a cancellation
 * or the end of the reward's validity releases them. Each step is one short transaction, retried whole on deadlock.
 */
@Service
public class Redemptions {

    private static final Logger log = LoggerFactory.getLogger(Redemptions.class);

    /** Origin of the catalog's ledger entries; their keys name the redemption and the step. */
    public static final String ORIGIN = "catalog";
    public static final int MAX_QUANTITY = 10;
    private static final int CODE_LENGTH = 10;

    private final RedemptionRepository redemptions;
    private final RewardRepository rewards;
    private final CatalogPolicies policies;
    private final Ledger ledger;
    private final CurrentUser currentUser;
    private final RetryingTransactions transactions;
    private final ObjectProvider<PoolAccess> poolAccess;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MerchantDirectory merchants;

    Redemptions(RedemptionRepository redemptions, RewardRepository rewards, CatalogPolicies policies, Ledger ledger,
                CurrentUser currentUser, RetryingTransactions transactions, ObjectProvider<PoolAccess> poolAccess,
                ApplicationEventPublisher events, MerchantDirectory merchants, Clock clock) {
        this.redemptions = redemptions;
        this.merchants = merchants;
        this.rewards = rewards;
        this.policies = policies;
        this.ledger = ledger;
        this.currentUser = currentUser;
        this.transactions = transactions;
        this.poolAccess = poolAccess;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The signed-in member redeems a reward: its points are held and its stock reserved, or nothing happens. The
     * same {@code requestKey} again (a double click) answers the first redemption.
     *
     * @param withCash pay with the reward's points + cash option instead of points alone
     */
    @PreAuthorize("hasRole('MEMBER')")
    public Redemption redeem(long rewardId, int quantity, boolean withCash, String requestKey) {
        long memberId = currentUser.require(Role.MEMBER).id();
        return redeem(memberId, false, rewardId, quantity, withCash, requestKey);
    }

    /**
     * The same, paid from the household pool the member may redeem with (the household decides who may); its
     * points are held in the pool's held account until the redemption is fulfilled, cancelled or runs out.
     */
    @PreAuthorize("hasRole('MEMBER')")
    public Redemption redeemFromPool(long rewardId, int quantity, boolean withCash, String requestKey) {
        long memberId = currentUser.require(Role.MEMBER).id();
        return redeem(memberId, true, rewardId, quantity, withCash, requestKey);
    }

    /** The pool the signed-in member may redeem with, if any: for the catalog's "pay from the pool" choice. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<Long> myRedeemablePool() {
        return redeemablePool(currentUser.require(Role.MEMBER).id());
    }

    /** The points of the pool the signed-in member may redeem from, if any: what a redemption from the pool can spend. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<Long> myRedeemablePoolPoints() {
        return myRedeemablePool().map(pool -> SystemActor.call(() -> ledger.balance(pool)));
    }

    private Optional<Long> redeemablePool(long memberId) {
        PoolAccess access = poolAccess.getIfAvailable();
        return access == null ? Optional.empty() : access.redeemablePoolOf(memberId);
    }

    private Optional<Long> lockedPool(long memberId) {
        PoolAccess access = poolAccess.getIfAvailable();
        return access == null ? Optional.empty() : access.lockRedeemablePoolOf(memberId);
    }

    private Redemption redeem(long memberId, boolean fromPool, long rewardId, int quantity, boolean withCash, String requestKey) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new RedemptionRefused(Kind.INVALID_QUANTITY);
        }
        if (requestKey == null || requestKey.isBlank() || requestKey.length() > 64) {
            throw new IllegalArgumentException("A redemption needs a request key of at most 64 characters");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(() -> redeemOnce(memberId, fromPool, rewardId, quantity, withCash, requestKey));
            } catch (DuplicateKeyException raced) {
                // The same request from a second click committed first: answer with it. Else two codes collided: anew.
                Optional<Redemption> first = redemptions.byRequestKey(memberId, requestKey).map(StoredRedemption::redemption);
                if (first.isPresent() || attempt == 3) {
                    return first.orElseThrow(() -> raced);
                }
            } catch (LedgerException refused) {
                if (refused.reason() == LedgerException.Reason.INSUFFICIENT_POINTS) {
                    throw new RedemptionRefused(Kind.INSUFFICIENT_POINTS);
                }
                throw refused;
            } catch (RedemptionRefused refused) {
                // A second click that waited for the first may find the last item gone, taken by the first: answer it.
                return redemptions.byRequestKey(memberId, requestKey).map(StoredRedemption::redemption).orElseThrow(() -> refused);
            }
        }
    }

    private Redemption redeemOnce(long memberId, boolean fromPool, long rewardId, int quantity, boolean withCash, String requestKey) {
        Optional<StoredRedemption> first = redemptions.byRequestKey(memberId, requestKey);
        if (first.isPresent()) {
            return first.get().redemption();
        }
        // The household's row lock, taken first, keeps the member's right to the pool until this commits.
        Long poolAccountId = fromPool ? lockedPool(memberId).orElseThrow(() -> new RedemptionRefused(Kind.NO_POOL)) : null;
        Instant now = clock.instant();
        StoredReward reward = rewards.find(rewardId, now).filter(found -> found.availableAt(now))
                .orElseThrow(() -> new RedemptionRefused(Kind.NOT_AVAILABLE));
        RewardPrice price = reward.price();
        if (withCash && !price.hasCashOption()) {
            throw new RedemptionRefused(Kind.NO_CASH_OPTION);
        }
        long points = Math.multiplyExact(withCash ? price.cashOptionPoints() : price.points(), quantity);
        BigDecimal cash = withCash ? price.cashOptionAmount().multiply(BigDecimal.valueOf(quantity)) : null;
        // Points first, stock last: the reward's row lock, which puts every redemption of this reward in line (stock
        // and limit hold), is then kept only for the last few statements. Cancellations take the same order; where a
        // lock is still taken the other way round (a merchant's compensation), the deadlock's victim runs again.
        Hold hold = SystemActor.call(() -> ledger.hold(new HoldRequest(
                poolAccountId != null ? poolAccountId : ledger.account(AccountType.MEMBER_WALLET, memberId), points,
                ORIGIN, "hold:" + memberId + ":" + requestKey, "user:" + memberId, "redemption", "reward:" + rewardId, null)));
        if (!rewards.reserve(rewardId, quantity)) {
            throw new RedemptionRefused(Kind.OUT_OF_STOCK);
        }
        if (reward.perMemberLimit() != null && redemptions.takenBy(memberId, rewardId) + quantity > reward.perMemberLimit()) {
            throw new RedemptionRefused(Kind.LIMIT_REACHED);
        }
        long id = redemptions.insert(new NewRedemption(ReadableCodes.random(CODE_LENGTH), memberId, rewardId, reward.merchantId(), requestKey, quantity,
                points, cash, reward.currency(), reward.priceId(), hold.id(), poolAccountId, now,
                now.plus(Duration.ofDays(reward.redeemWithinDays()))));
        events.publishEvent(new RedemptionChanged(id, memberId, points, poolAccountId, RedemptionStatus.PENDING));
        return redemptions.find(id).orElseThrow().redemption();
    }

    /**
     * The merchant's staff fulfil a redemption of their merchant in the portal, by its code. Each click is a request
     * of its own: fulfilling the same code again is refused as already fulfilled, so nothing is handed over twice.
     */
    @PreAuthorize("hasRole('MERCHANT')")
    public FulfilmentResult fulfilMine(String code) {
        long userId = currentUser.require(Role.MERCHANT).id();
        return fulfil(currentUser.merchantId(), normalize(code), "merchant-portal", UUID.randomUUID().toString(), "user:" + userId);
    }

    /** A till fulfils a redemption of its merchant; the same idempotency key again answers the first result. */
    @PreAuthorize("hasRole('TILL') and #till.storeId() == principal.storeId()")
    public FulfilmentResult fulfil(TillPrincipal till, String code, String idempotencyKey) {
        return fulfil(till.merchantId(), normalize(code), "till-merchant:" + till.merchantId(), idempotencyKey, till.actor());
    }

    private FulfilmentResult fulfil(long merchantId, String code, String origin, String idempotencyKey, String actor) {
        try {
            return transactions.execute(() -> fulfilOnce(merchantId, code, origin, idempotencyKey, actor));
        } catch (DuplicateKeyException raced) {
            return replay(code, origin, idempotencyKey).orElseThrow(() -> raced);
        }
    }

    private FulfilmentResult fulfilOnce(long merchantId, String code, String origin, String idempotencyKey, String actor) {
        Optional<FulfilmentResult> replay = replay(code, origin, idempotencyKey);
        if (replay.isPresent()) {
            return replay.get();
        }
        StoredRedemption stored = redemptions.byCode(code).filter(found -> found.redemption().merchantId() == merchantId)
                .orElseThrow(() -> new RedemptionRefused(Kind.NOT_FOUND));
        Redemption redemption = stored.redemption();
        // Stored to the microsecond: a replay's answer, read back, must be the same instant.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        refuseUnlessPending(redemption.status());
        if (!redemption.expiresAt().isAfter(now)) {
            throw new RedemptionRefused(Kind.EXPIRED);
        }
        if (!redemptions.resolve(redemption.id(), RedemptionStatus.FULFILLED, now, actor, null, null)) {
            // Resolved while this request waited for the row: a replay of this very key, or too late.
            return replay(code, origin, idempotencyKey).orElseThrow(() ->
                    refusalFor(redemptions.find(redemption.id()).orElseThrow().redemption().status()));
        }
        redemptions.insertFulfilment(redemption.id(), origin, idempotencyKey, now, actor);
        SystemActor.call(() -> ledger.capture(stored.holdId(), ledger.account(AccountType.MERCHANT_REDEMPTION, merchantId), ORIGIN,
                "capture:" + redemption.id(), actor, "redemption", reference(redemption.id())));
        if (redemption.cashAmount() != null) {
            redemptions.insertCashPayment(redemption.id(), merchantId, redemption.cashAmount(), redemption.currency(), now, actor);
        }
        events.publishEvent(new RedemptionChanged(redemption.id(), redemption.memberId(), redemption.points(), stored.poolAccountId(),
                RedemptionStatus.FULFILLED));
        return result(redemption, now, false);
    }

    private Optional<FulfilmentResult> replay(String code, String origin, String idempotencyKey) {
        return redemptions.fulfilmentByKey(origin, idempotencyKey).map(fulfilment -> {
            Redemption first = redemptions.find(fulfilment.redemptionId()).orElseThrow().redemption();
            if (!first.code().equals(code)) {
                throw new RedemptionRefused(Kind.IDEMPOTENCY_KEY_REUSED);
            }
            return result(first, fulfilment.fulfilledAt(), true);
        });
    }

    private static FulfilmentResult result(Redemption redemption, Instant fulfilledAt, boolean replay) {
        return new FulfilmentResult(redemption.code(), redemption.rewardId(), redemption.rewardNameZh(), redemption.rewardNameEn(),
                redemption.quantity(), redemption.points(), redemption.cashAmount(),
                redemption.cashAmount() == null ? null : redemption.currency(), fulfilledAt, replay);
    }

    /** The member cancels one of their own redemptions before it is fulfilled: the points come back at once. */
    @PreAuthorize("hasRole('MEMBER')")
    public Redemption cancelMine(long redemptionId) {
        long memberId = currentUser.require(Role.MEMBER).id();
        return transactions.execute(() -> {
            StoredRedemption stored = redemptions.find(redemptionId).filter(found -> found.redemption().memberId() == memberId)
                    .orElseThrow(() -> new RedemptionRefused(Kind.NOT_FOUND));
            resolveAndRelease(stored, RedemptionStatus.CANCELLED_BY_MEMBER, "user:" + memberId, "cancelled", null, null);
            return redemptions.find(redemptionId).orElseThrow().redemption();
        });
    }

    /**
     * An owner cancels a redemption their merchant cannot provide: the points come back, and the compensation the
     * platform set, paid by the merchant, goes where they came from (the member's wallet or the household pool),
     * with the reason shown to the member. A redemption whose time ran out is the expiry's, with no compensation.
     */
    @PreAuthorize("hasRole('MERCHANT_OWNER')")
    public Redemption cancelByMerchant(long redemptionId, String reason) {
        long merchantId = currentUser.merchantId();
        String actor = "user:" + currentUser.require().id();
        String why = TextRules.requirePlainText("reason", reason, 500);
        return transactions.execute(() -> {
            StoredRedemption stored = redemptions.find(redemptionId).filter(found -> found.redemption().merchantId() == merchantId)
                    .orElseThrow(() -> new RedemptionRefused(Kind.NOT_FOUND));
            Redemption redemption = stored.redemption();
            if (redemption.status() == RedemptionStatus.PENDING && !redemption.expiresAt().isAfter(clock.instant())) {
                throw new RedemptionRefused(Kind.EXPIRED);
            }
            long compensation = policies.compensationFor(redemption.points());
            resolveAndRelease(stored, RedemptionStatus.CANCELLED_BY_MERCHANT, actor, "cancelled", why, compensation);
            if (compensation > 0) {
                SystemActor.call(() -> ledger.post(new EntryRequest(EntryKind.COMPENSATION, ORIGIN, "compensation:" + redemptionId, actor,
                        "compensation", reference(redemptionId), null,
                        List.of(new Posting(ledger.account(AccountType.MERCHANT_ISSUANCE, merchantId), -compensation),
                                new Posting(stored.poolAccountId() != null ? stored.poolAccountId()
                                        : ledger.account(AccountType.MEMBER_WALLET, redemption.memberId()), compensation)), null)));
            }
            return redemptions.find(redemptionId).orElseThrow().redemption();
        });
    }

    /**
     * Releases every pending redemption whose validity has run out; safe to run on every node. One that
     * cannot be released now (fulfilled or cancelled meanwhile) is skipped, and the run goes on past it.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public int expireDue() {
        // The clock's time, never a caller's: a time ahead of it would release holds that are still valid.
        Instant now = clock.instant();
        int expired = 0;
        long afterId = 0;
        List<Long> due;
        while (!(due = redemptions.expiredPending(now, afterId, 200)).isEmpty()) {
            for (long id : due) {
                try {
                    boolean done = transactions.execute(() -> redemptions.find(id)
                            .filter(stored -> stored.redemption().status() == RedemptionStatus.PENDING
                                    && !stored.redemption().expiresAt().isAfter(now))
                            .map(stored -> {
                                resolveAndRelease(stored, RedemptionStatus.EXPIRED, "system", "holdExpired", null, null);
                                return true;
                            }).orElse(false));
                    expired += done ? 1 : 0;
                } catch (RedemptionRefused | LedgerException resolvedMeanwhile) {
                    log.info("Redemption {} not expired: {}", id, resolvedMeanwhile.getMessage());
                }
                afterId = id;
            }
        }
        return expired;
    }

    private void resolveAndRelease(StoredRedemption stored, RedemptionStatus outcome, String actor, String ledgerReason,
                                   @Nullable String cancelReason, @Nullable Long compensation) {
        Redemption redemption = stored.redemption();
        refuseUnlessPending(redemption.status());
        if (!redemptions.resolve(redemption.id(), outcome, clock.instant(), actor, cancelReason, compensation)) {
            throw refusalFor(redemptions.find(redemption.id()).orElseThrow().redemption().status());
        }
        SystemActor.call(() -> ledger.release(stored.holdId(), ORIGIN, "release:" + redemption.id(), actor, ledgerReason));
        // After the points, as a redemption takes them: the member's rows before the reward's.
        rewards.restock(redemption.rewardId(), redemption.quantity());
        events.publishEvent(new RedemptionChanged(redemption.id(), redemption.memberId(), redemption.points(), stored.poolAccountId(), outcome));
    }

    private static void refuseUnlessPending(RedemptionStatus status) {
        if (status != RedemptionStatus.PENDING) {
            throw refusalFor(status);
        }
    }

    private static RedemptionRefused refusalFor(RedemptionStatus status) {
        return new RedemptionRefused(switch (status) {
            case FULFILLED -> Kind.ALREADY_FULFILLED;
            case EXPIRED -> Kind.EXPIRED;
            case CANCELLED_BY_MEMBER, CANCELLED_BY_MERCHANT -> Kind.CANCELLED;
            case PENDING -> throw new IllegalStateException("A pending redemption is not refused");
        });
    }

    /**
     * A redemption as auditors read it, its code masked: the origin of the entries that reference it. A regulator limited
     * to districts reads those of the merchants it oversees.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Optional<Redemption> forAudit(long redemptionId) {
        Optional<Set<Long>> supervised = merchants.supervisedMerchants();
        return redemptions.find(redemptionId).map(stored -> stored.redemption().forStaff())
                .filter(redemption -> supervised.isEmpty() || supervised.get().contains(redemption.merchantId()));
    }

    @PreAuthorize("hasRole('MEMBER')")
    public List<Redemption> mine(int offset, int limit) {
        return redemptions.ofMember(currentUser.require(Role.MEMBER).id(), offset, limit);
    }

    @PreAuthorize("hasRole('MEMBER')")
    public long mineCount() {
        return redemptions.countOfMember(currentUser.require(Role.MEMBER).id());
    }

    /** The caller's merchant's redemptions in one status, newest first, their codes masked. */
    @PreAuthorize("hasRole('MERCHANT')")
    public List<Redemption> ofMyMerchant(RedemptionStatus status, int offset, int limit) {
        return redemptions.ofMerchant(currentUser.merchantId(), status, offset, limit).stream().map(Redemption::forStaff).toList();
    }

    @PreAuthorize("hasRole('MERCHANT')")
    public long ofMyMerchantCount(RedemptionStatus status) {
        return redemptions.countOfMerchant(currentUser.merchantId(), status);
    }

    /** A typed code as it is stored; one of the wrong length is refused. */
    static String normalize(@Nullable String code) {
        String normalized = ReadableCodes.normalize(code);
        if (normalized.length() != CODE_LENGTH) {
            throw new InvalidInputException("code", "redemption.code.invalid");
        }
        return normalized;
    }

    private static String reference(long redemptionId) {
        return "redemption:" + redemptionId;
    }
}
