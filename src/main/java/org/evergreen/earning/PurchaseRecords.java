package org.evergreen.earning;

import org.evergreen.earning.internal.PurchaseRepository;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** Any purchase with its lines and the rules that produced its points: for admins and regulators tracing an entry. */
@Service
public class PurchaseRecords {

    private final PurchaseRepository purchases;

    PurchaseRecords(PurchaseRepository purchases) {
        this.purchases = purchases;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'REGULATOR')")
    public Optional<PurchaseDetails> purchase(long purchaseId) {
        return purchases.parties(purchaseId).flatMap(parties -> purchases.details(parties.merchantId(), purchaseId));
    }
}
