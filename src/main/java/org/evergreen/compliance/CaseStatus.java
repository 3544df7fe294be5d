package org.evergreen.compliance;

/** Where a case stands; it only moves forward: opened, frozen, then released or deducted. */
public enum CaseStatus {
    OPENED, FROZEN, RELEASED, DEDUCTED
}
