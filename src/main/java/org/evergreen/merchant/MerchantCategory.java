package org.evergreen.merchant;

/** Business categories of the coalition's merchants. */
public enum MerchantCategory {
    HOTEL, STATIONERY, HOME_TEXTILE, CONVENIENCE_STORE, RAILWAY, GREEN_APPLIANCE, OTHER
}
