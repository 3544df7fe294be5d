package org.evergreen.merchant;

/** A store's till, signed in with its API key: it acts for that store of that merchant only. */
public record TillPrincipal(long keyId, long merchantId, long storeId) {

    /** The authority every till has, for {@code @PreAuthorize("hasRole('TILL')")}. */
    public static final String ROLE = "TILL";

    public String actor() {
        return "till:" + storeId + ":key:" + keyId;
    }
}
