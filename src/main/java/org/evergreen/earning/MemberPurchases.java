package org.evergreen.earning;

import org.evergreen.earning.internal.PurchaseActivityQuery;
import org.evergreen.earning.internal.PurchaseRepository;
import org.evergreen.merchant.MerchantDirectory;
import org.evergreen.security.CurrentUser;
import org.evergreen.security.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The signed-in member's own purchases, as they read them: apart from the till's write path. */
@Service
public class MemberPurchases {

    private final PurchaseRepository purchases;
    private final PurchaseActivityQuery activity;
    private final MerchantDirectory merchants;
    private final CurrentUser currentUser;

    MemberPurchases(PurchaseRepository purchases, PurchaseActivityQuery activity, MerchantDirectory merchants, CurrentUser currentUser) {
        this.purchases = purchases;
        this.activity = activity;
        this.merchants = merchants;
        this.currentUser = currentUser;
    }

    /** One of the signed-in member's own purchases, with the merchant that recorded it and its refunds; nobody else's. */
    @PreAuthorize("hasRole('MEMBER')")
    public Optional<MemberPurchase> myPurchase(long purchaseId) {
        long memberId = currentUser.require(Role.MEMBER).id();
        return purchases.parties(purchaseId).filter(parties -> parties.memberId() == memberId)
                .flatMap(parties -> purchases.details(parties.merchantId(), purchaseId)
                        .map(details -> new MemberPurchase(merchants.publicMerchant(parties.merchantId()), details,
                                activity.refundsOf(purchaseId))));
    }
}
