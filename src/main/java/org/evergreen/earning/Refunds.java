package org.evergreen.earning;

import org.evergreen.earning.PurchaseRefused.Kind;
import org.evergreen.earning.internal.RefundRepository;
import org.evergreen.earning.internal.RequestFingerprints;
import org.evergreen.earning.internal.RefundRepository.LockedPurchase;
import org.evergreen.earning.internal.RefundRepository.Refundable;
import org.evergreen.ledger.Ledger;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.security.SystemActor;
import org.evergreen.shared.database.RetryingTransactions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refunds take back the points of the refunded lines: in proportion to the money refunded, and all that is
 * left with the last of the purchase. If the member already spent them, their wallet goes into debt, which
 * later points repay; the member sees it in their history.
 */
@Service
public class Refunds {

    private final RefundRepository refunds;
    private final Purchases purchases;
    private final Ledger ledger;
    private final RetryingTransactions transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public Refunds(RefundRepository refunds, Purchases purchases, Ledger ledger, RetryingTransactions transactions,
                   ApplicationEventPublisher events, Clock clock) {
        this.refunds = refunds;
        this.purchases = purchases;
        this.ledger = ledger;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** One short transaction, run again from the start if the database picks it as a deadlock's victim. */
    @PreAuthorize("hasRole('TILL') and #till.storeId() == principal.storeId()")
    public RefundResult refund(TillPrincipal till, long purchaseId, RefundRequest request, String idempotencyKey) {
        return transactions.execute(() -> refundOnce(till, purchaseId, request, idempotencyKey));
    }

    private RefundResult refundOnce(TillPrincipal till, long purchaseId, RefundRequest request, String idempotencyKey) {
        String requestHash = RequestFingerprints.of("purchase:" + purchaseId, request);
        var replay = refunds.byIdempotencyKey(till.merchantId(), idempotencyKey);
        if (replay.isPresent()) {
            return replayOf(replay.get(), requestHash);
        }
        LockedPurchase purchase = refunds.lock(till.merchantId(), purchaseId)
                .orElseThrow(() -> new PurchaseRefused(Kind.PURCHASE_NOT_FOUND, "purchase-not-found", "api.problem.purchase-not-found.detail"));
        // A parallel request with the same key may have refunded while this one waited for the lock.
        var meanwhile = refunds.byIdempotencyKey(till.merchantId(), idempotencyKey);
        if (meanwhile.isPresent()) {
            return replayOf(meanwhile.get(), requestHash);
        }
        if (request.full() && !request.lines().isEmpty()) {
            throw new PurchaseRefused(Kind.INVALID, "invalid-refund", "api.refund.fullWithLines");
        }
        Map<String, Refundable> refundable = refunds.refundable(purchaseId);
        List<RefundRequest.Line> lines = request.full() ? everythingLeft(refundable) : checked(request.lines(), refundable);
        if (lines.isEmpty()) {
            throw new PurchaseRefused(Kind.INVALID, "invalid-refund", "api.refund.nothingLeft");
        }
        BigDecimal amount = lines.stream().map(line -> refundable.get(line.sku()).unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        long pointsLeft = purchase.merchantPoints() - refunds.pointsClawedBack(purchaseId);
        boolean last = lines.stream().allMatch(line -> line.quantity() == refundable.get(line.sku()).left())
                && lines.size() == refundable.values().stream().filter(left -> left.left() > 0).count();
        long points = last ? pointsLeft : Math.min(pointsLeft, BigDecimal.valueOf(purchase.merchantPoints()).multiply(amount)
                .divide(purchase.total(), 0, RoundingMode.FLOOR).longValueExact());
        long refundId = refunds.insert(purchaseId, till.merchantId(), idempotencyKey, requestHash, amount, points, lines, clock.instant());
        // A purchase's earns are found by the keys they were posted under (Purchases#earn).
        if (points > 0) {
            long earnEntryId = earnEntry("merchant:" + till.merchantId(), purchase.idempotencyKey());
            long entryId = SystemActor.call(() -> ledger.clawBack(earnEntryId, points, "merchant:" + till.merchantId() + ":refund",
                    idempotencyKey, till.actor(), "refund")).entryId();
            refunds.linkLedgerEntry(refundId, entryId);
        }
        if (last && purchase.platformPoints() > 0) {
            // Without the purchase there is no first purchase: the platform's bonus goes back with it.
            long bonusEntryId = earnEntry(Purchases.PLATFORM_ORIGIN, "purchase:" + purchaseId);
            SystemActor.run(() -> ledger.reverse(bonusEntryId, Purchases.PLATFORM_ORIGIN, till.actor(), "refund"));
        }
        purchases.updateTier(purchase.memberId());
        long platformPointsReversed = last ? purchase.platformPoints() : 0;
        events.publishEvent(new PurchaseRefunded(refundId, purchaseId, till.merchantId(), purchase.memberId(), clock.instant(), amount, points,
                platformPointsReversed,
                lines.stream().map(line -> {
                    Refundable bought = refundable.get(line.sku());
                    return new PurchaseRefunded.Line(line.sku(), line.quantity(), bought.unitPrice(), bought.green(), bought.greenMethod(),
                            bought.co2eGramsOf(line.quantity()));
                }).toList()));
        return new RefundResult(refundId, purchaseId, amount, points, available(purchase.memberId()), false);
    }

    private long earnEntry(String origin, String key) {
        return SystemActor.call(() -> ledger.entryId(origin, key))
                .orElseThrow(() -> new IllegalStateException("No earn entry of " + origin + " under " + key));
    }

    private RefundResult replayOf(RefundRepository.StoredRefund first, String requestHash) {
        if (!first.requestHash().equals(requestHash)) {
            throw new PurchaseRefused(Kind.IDEMPOTENCY_KEY_REUSED, "idempotency-key-reused", "api.problem.idempotency-key-reused.detail");
        }
        return new RefundResult(first.id(), first.purchaseId(), first.amount(), first.points(), available(first.memberId()), true);
    }

    private long available(long memberId) {
        return SystemActor.call(() -> ledger.memberPoints(memberId, Duration.ZERO).available());
    }

    private static List<RefundRequest.Line> everythingLeft(Map<String, Refundable> refundable) {
        List<RefundRequest.Line> lines = new ArrayList<>();
        refundable.forEach((sku, line) -> {
            if (line.left() > 0) {
                lines.add(new RefundRequest.Line(sku, line.left()));
            }
        });
        return lines;
    }

    private static List<RefundRequest.Line> checked(List<RefundRequest.Line> requested, Map<String, Refundable> refundable) {
        for (RefundRequest.Line line : requested) {
            Refundable bought = line == null ? null : refundable.get(line.sku());
            if (bought == null) {
                throw new PurchaseRefused(Kind.INVALID, "invalid-refund", "api.refund.unknownSku");
            }
            if (line.quantity() < 1 || line.quantity() > bought.left()) {
                throw new PurchaseRefused(Kind.INVALID, "invalid-refund", "api.refund.tooMany");
            }
        }
        if (requested.stream().map(RefundRequest.Line::sku).distinct().count() != requested.size()) {
            throw new PurchaseRefused(Kind.INVALID, "invalid-refund", "api.refund.repeatedSku");
        }
        return requested;
    }
}
