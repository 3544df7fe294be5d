package org.evergreen.earning;

import org.evergreen.merchant.PublicMerchant;

/** A purchase as the member who made it sees it: where, what, and the points it earned under which rule. */
public record MemberPurchase(PublicMerchant merchant, PurchaseDetails details) {
}
