package org.evergreen.till;

import org.evergreen.catalog.FulfilmentResult;
import org.evergreen.catalog.RedemptionRefused;
import org.evergreen.catalog.Redemptions;
import org.evergreen.till.TillApiProblems.TillApiException;
import org.evergreen.merchant.TillPrincipal;
import org.evergreen.shared.validation.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tills fulfil members' catalog redemptions: the member shows the code (or its QR), the till posts it, and the
 * held points are captured. Same key and idempotency rules as purchases.
 */
@RestController
@RequestMapping("/api/v1/redemptions")
class TillRedemptionController {

    private final Redemptions redemptions;

    TillRedemptionController(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @PostMapping("/{code}/fulfil")
    ResponseEntity<FulfilmentResult> fulfil(@AuthenticationPrincipal TillPrincipal till, @PathVariable String code,
                                            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        String key = IdempotencyKeys.require(idempotencyKey);
        try {
            FulfilmentResult result = redemptions.fulfil(till, code, key);
            return ResponseEntity.status(result.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(result);
        } catch (InvalidInputException malformedCode) {
            throw new TillApiException(HttpStatus.NOT_FOUND, "redemption-not-found");
        } catch (RedemptionRefused refused) {
            HttpStatus status = switch (refused.kind()) {
                case NOT_FOUND -> HttpStatus.NOT_FOUND;
                case ALREADY_FULFILLED, CANCELLED -> HttpStatus.CONFLICT;
                case EXPIRED -> HttpStatus.GONE;
                default -> HttpStatus.UNPROCESSABLE_CONTENT;
            };
            throw new TillApiException(status, refused.code());
        }
    }
}
