package org.evergreen.ledger;

public enum HoldStatus {
    PENDING, CAPTURED, RELEASED
}
