package org.evergreen.catalog;

public enum RedemptionStatus {
    PENDING, FULFILLED, CANCELLED_BY_MEMBER, CANCELLED_BY_MERCHANT, EXPIRED
}
