package org.evergreen.till;

import org.evergreen.earning.PurchaseDetails;
import org.evergreen.earning.PurchaseRefused;
import org.evergreen.earning.PurchaseRequest;
import org.evergreen.earning.PurchaseResult;
import org.evergreen.earning.Purchases;
import org.evergreen.earning.RefundRequest;
import org.evergreen.earning.RefundResult;
import org.evergreen.earning.Refunds;
import org.evergreen.till.TillApiProblems.TillApiException;
import org.evergreen.merchant.TillPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tills report purchases, which earn members points at once, and their refunds, which take the points back. */
@RestController
@RequestMapping("/api/v1/purchases")
class TillPurchaseController {

    private final Purchases purchases;
    private final Refunds refunds;

    TillPurchaseController(Purchases purchases, Refunds refunds) {
        this.purchases = purchases;
        this.refunds = refunds;
    }

    @GetMapping("/{purchaseId}")
    PurchaseDetails purchase(@AuthenticationPrincipal TillPrincipal till, @PathVariable long purchaseId) {
        return purchases.details(till, purchaseId)
                .orElseThrow(() -> new TillApiException(HttpStatus.NOT_FOUND, "purchase-not-found"));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PurchaseResult> record(@AuthenticationPrincipal TillPrincipal till, @RequestBody byte[] body,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.require(idempotencyKey);
        PurchaseRequest purchase = StrictJson.read(body, PurchaseRequest.class);
        try {
            PurchaseResult result = purchases.record(till, purchase, key);
            return ResponseEntity.status(result.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        } catch (PurchaseRefused refused) {
            throw problem(refused);
        }
    }

    @PostMapping(path = "/{purchaseId}/refunds", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<RefundResult> refund(@AuthenticationPrincipal TillPrincipal till, @PathVariable long purchaseId,
                                        @RequestBody byte[] body,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.require(idempotencyKey);
        RefundRequest request = StrictJson.read(body, RefundRequest.class);
        try {
            RefundResult result = refunds.refund(till, purchaseId, request, key);
            return ResponseEntity.status(result.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        } catch (PurchaseRefused refused) {
            throw problem(refused);
        }
    }

    private static TillApiException problem(PurchaseRefused refused) {
        HttpStatus status = switch (refused.kind()) {
            case INVALID, IDEMPOTENCY_KEY_REUSED, NO_EARNING_RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case MEMBER_NOT_FOUND, PURCHASE_NOT_FOUND -> HttpStatus.NOT_FOUND;
            case DUPLICATE_RECEIPT -> HttpStatus.CONFLICT;
            case WRONG_STORE -> HttpStatus.FORBIDDEN;
        };
        return new TillApiException(status, refused.code(), refused.detailKey());
    }
}
