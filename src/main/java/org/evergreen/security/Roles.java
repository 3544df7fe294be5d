package org.evergreen.security;

/** Role names as compile-time constants, for {@code @RolesAllowed} and {@code @PreAuthorize}. */
public final class Roles {

    public static final String MEMBER = "MEMBER";
    public static final String MERCHANT = "MERCHANT";
    public static final String ADMIN = "ADMIN";
    public static final String REGULATOR = "REGULATOR";
    /** Granted on top of MERCHANT to a merchant's owners: they manage its stores and staff. */
    public static final String MERCHANT_OWNER = "MERCHANT_OWNER";

    private Roles() {
    }
}
