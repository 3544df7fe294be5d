package org.evergreen.merchant;

import org.jspecify.annotations.Nullable;

/**
 * A store's till, signed in with its API key: it acts for that store of that merchant only.
 *
 * @param regionCode       the store's district (GB/T 2260) when the key was checked, if the store has been placed
 * @param merchantCategory the merchant's category when the key was checked
 */
public record TillPrincipal(long keyId, long merchantId, long storeId, @Nullable String regionCode, MerchantCategory merchantCategory) {

    /** The authority every till has, for {@code @PreAuthorize("hasRole('TILL')")}. */
    public static final String ROLE = "TILL";

    public String actor() {
        return "till:" + storeId + ":key:" + keyId;
    }
}
