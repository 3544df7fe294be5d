package org.evergreen.catalog;

/** What a member receives for their points. */
public enum RewardKind {
    GOODS, SERVICE, HOTEL_NIGHT, ROOM_UPGRADE, VOUCHER
}
