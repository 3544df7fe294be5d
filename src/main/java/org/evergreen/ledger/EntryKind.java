package org.evergreen.ledger;

/** Why points moved. */
public enum EntryKind {
    EARN, REDEEM, HOLD, CAPTURE, RELEASE, TRANSFER, POOL, FREEZE, UNFREEZE, DEDUCT, EXPIRE, REVERSAL,
    COMPENSATION, ADJUSTMENT
}
