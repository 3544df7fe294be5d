package org.evergreen.security;

/** What a merchant's staff member may do: owners also manage stores and staff; cashiers serve customers. */
public enum MerchantRole {
    OWNER, CASHIER
}
